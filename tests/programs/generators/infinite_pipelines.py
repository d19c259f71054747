import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    return [x for _, x in zip(range(n), it)]
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
evens = (x for x in naturals() if x % 2 == 0)
print(take(5, evens), take(10, primes()), list(itertools.islice(naturals(), 3, 8, 2)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(15, fib()))
