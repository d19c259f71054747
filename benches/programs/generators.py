# Generator-heavy workload: lazy pipelines of generator functions and generator expressions,
# yield from delegation, send()-driven coroutines and itertools-free windowing.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            del buf[0]


def chained(*its):
    for it in its:
        yield from it


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def running_average():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count


def main(n=1200000):
    s1 = sum(squares(evens(numbers(n))))
    s2 = sum(a * b - c for a, b, c in windows(numbers(n // 2), 3))
    s3 = sum(x for x in chained(range(1000), numbers(n // 4), (y * 2 for y in range(1000))))
    s4 = sum(tree(15))
    avg = running_average()
    next(avg)
    last = 0.0
    for x in numbers(n // 3):
        last = avg.send(x % 97)
    s5 = sum(1 for _ in (x for x in numbers(n) if x % 3 == 1))
    print("sums:", s1 % 1000000007, s2 % 1000000007, s3, s4, s5)
    print("average: %.6f" % last)
    print("checksum:", (s1 + s2 + s3 + s4 + s5) % 1000000007)


main()
