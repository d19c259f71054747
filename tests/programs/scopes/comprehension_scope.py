x = "outer"
r = [x for x in range(3)]
print(x, r)
total = 10
print([total + i for i in range(3)])
def f():
    y = 5
    return [y * i for i in range(3)], {i: y for i in range(2)}, list(y + i for i in range(2))
print(f())
print([(lambda: i)() for i in range(3)])
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
data = [1, 2, 3]
print([v for v in data if (n := v * 2) > 2], n)
