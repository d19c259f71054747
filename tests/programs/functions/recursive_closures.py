def make_fact():
    def fact(n):
        return 1 if n == 0 else n * fact(n - 1)
    return fact
f = make_fact()
print(f(10))
def y_comb(f):
    return (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fib = y_comb(lambda self: lambda n: n if n < 2 else self(n - 1) + self(n - 2))
print([fib(i) for i in range(12)])
