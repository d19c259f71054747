# expect-stderr
def f(x):
    return 10 / x
total = (
    f(1) +
    f(2) +
    f(0)
)
