# List sorting workload: sort ints, floats, strings, tuples and records with key functions,
# reverse sorts, stable multi-pass sorts and an insertion sort / merge written in Python.


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        yield x >> 33


def insertion_sort(a):
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v
    return a


def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def main(n=240000):
    rnd = lcg(42)
    ints = [next(rnd) % 1000000 for _ in range(n)]
    floats = [x / 7.0 for x in ints[: n // 2]]
    strs = ["%x-%d" % (x, x % 97) for x in ints[: n // 3]]
    records = [(x % 100, -x, str(x)) for x in ints[: n // 3]]
    checksum = 0
    s = sorted(ints)
    checksum += s[0] + s[-1] + s[n // 2]
    checksum += int(sorted(floats, reverse=True)[10])
    checksum += len(sorted(strs)[n // 6])
    checksum += sorted(records)[100][1]
    checksum += sorted(records, key=lambda r: (r[2], r[0]))[5][0]
    by_len = sorted(strs, key=len)
    by_len.sort(key=lambda t: t[-1])
    checksum += sum(map(len, by_len[:50]))
    small = [x % 1000 for x in ints[:1500]]
    checksum += sum(insertion_sort(small)[::100])
    checksum += sum(merge(sorted(ints[:5000]), sorted(ints[5000:10000]))[::500])
    mixed = list(ints[:20000])
    mixed.sort(key=lambda v: (v % 10, v))
    mixed.reverse()
    checksum += mixed[0] + mixed[-1]
    print("checksum:", checksum % 1000000007)


main()
