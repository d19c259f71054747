# expect-stderr
def f(a, b, a):
    pass
