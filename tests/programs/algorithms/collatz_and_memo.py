cache = {1: 1}
def collatz_len(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length
best = max(range(1, 30000), key=collatz_len)
print(best, collatz_len(best), collatz_len(27), len(cache) > 30000)
