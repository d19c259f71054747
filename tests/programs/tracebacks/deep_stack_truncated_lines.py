# expect-stderr
def a(n):
    if n == 0:
        raise IndexError("bottom")
    return b(n)
def b(n):
    return a(n - 1)
a(5)
