import sys
sys.setrecursionlimit(100)
def f(n):
    return f(n + 1) if n < 1000 else n
try:
    f(0)
except RecursionError as e:
    print("RecursionError at limit 100:", e)
sys.setrecursionlimit(2000)
def g(n):
    return n if n == 0 else g(n - 1)
print(g(1500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
