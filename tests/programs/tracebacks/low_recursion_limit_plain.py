# expect-stderr
import sys
sys.setrecursionlimit(30)
def f(n):
    return g(n) + [
        1]
def g(n):
    return f(n)[0] * 2
f(1)
