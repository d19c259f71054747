# expect-stderr
def f0(n): return f1(n) + 1
def f1(n): return f2(n) * 2
def f2(n): return f3(n) - 3
def f3(n): return f4(n) // 4
def f4(n): return f5(n) ** 5
def f5(n): return f6(n) % 6
def f6(n): return [n][n]
f0(1)
