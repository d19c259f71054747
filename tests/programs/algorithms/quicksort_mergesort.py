def quicksort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quicksort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])
def mergesort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = mergesort(a[:mid]), mergesort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]
seed = 12345
data = []
for _ in range(500):
    seed = (seed * 1103515245 + 12345) % 2**31
    data.append(seed % 1000)
print(quicksort(data) == sorted(data), mergesort(data) == sorted(data), quicksort(data)[:10], mergesort(data)[-5:])
