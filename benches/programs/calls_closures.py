# Function-call and closure workload: positional, keyword, default, *args/**kwargs calls,
# closures with nonlocal state, decorators, lambdas and recursive calls.


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def compose(f, g):
    return lambda x: f(g(x))


def memo(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        v = cache[n] = fn(n)
        return v
    return wrapper


def add3(a, b, c=1):
    return a + b + c


def kwsum(*args, **kwargs):
    return sum(args) + sum(kwargs.values())


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@memo
def partitions(n):
    # number of ways to write n as a sum of positive integers, by Euler's pentagonal recurrence
    if n < 0:
        return 0
    if n == 0:
        return 1
    total = 0
    k = 1
    while True:
        g1 = k * (3 * k - 1) // 2
        if g1 > n:
            break
        g2 = k * (3 * k + 1) // 2
        sign = 1 if k % 2 else -1
        total += sign * (partitions(n - g1) + partitions(n - g2))
        k += 1
    return total


def main(n=1200000):
    inc = make_counter()
    f = compose(lambda x: x + 1, lambda x: x * 2)
    acc = 0
    for i in range(n):
        acc += add3(i, 2)
        acc += add3(i, b=3, c=4)
        acc += f(i)
        inc()
        if i % 4 == 0:
            acc += kwsum(1, 2, 3, x=i, y=5)
    acc += fib(24)
    acc += partitions(400) % 1000003
    print("counter:", inc(0))
    print("checksum:", acc % 1000000007)


main()
