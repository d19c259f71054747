data = range(10)
a = [x * 2 for x in data]
b = {x for x in data if x % 2}
c = {x: str(x) for x in data}
d = [[y for y in range(x)] for x in data]
e = [x for x in data for y in data if x == y]

def inside(n):
    return [n + i for i in range(n)], {i: n for i in range(n)}

class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    z = 3
    w = [z for _ in range(2)]

def closure_comp(n):
    fs = [lambda: i for i in range(n)]
    return fs
