t = 0
for i in range(50):
    a, b = (i, i + 1)
    c, d, e = [i, 2, 3]
    t += a + b + c + d + e
print(t)
for seq in [(1, 2, 3), [1, 2], "ab", (1,), [1, 2, 3, 4]]:
    try:
        x, y = seq
        print(x, y)
    except ValueError as err:
        print("ValueError", err)
class T(tuple): pass
x, y = T((5, 6)); print(x, y)
l = [[1, 2], (3, 4)]
for p, q in l: print(p, q)
