data = [5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 15], y)
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
def f():
    return [(last := i) for i in range(3)], last
print(f())
print((z := 10) + z, z)
total = 0
vals = [t := 1, t + 1, t + 2]
print(vals)
