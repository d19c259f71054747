(a, *b), *c = "xyz", 1, 2
print(a, b, c)
[[x, y], [*z]] = [[1, 2], [3, 4, 5]]
print(x, y, z)
*s, = range(3)
print(s)
head, *body, tail = "a"  "bcd"  "e"
print(head, body, tail)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError", e)
