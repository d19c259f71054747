print([y := 5, y ** 2, y])
data = [1, 4, 9, 16]
print([root for x in data if (root := int(x ** 0.5)) % 2], root)
def f():
    [(z := i) for i in range(3)]
    return z
print(f())
total = 0
print([total := total + v for v in range(5)], total)
if any((hit := v) > 2 for v in [1, 3, 5]):
    print("first hit", hit)
print((n := 10) > 5, n)
