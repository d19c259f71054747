# Iteration fast paths must still see mutations of the container.
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

lst = [1, 2, 3]
out = []
for x in lst:
    out.append(x)
    if x < 3:
        lst.append(x + 10)
print(out, lst)

lst = list(range(6))
for x in lst:
    lst.remove(x)
print(lst)

t = (1, 2, 3)
print([x * 2 for x in t])
print([x for x in range(10, 0, -3)])
print(sum(x for x in range(100000)))


def gen():
    yield 1
    yield 2


for v in gen():
    print("gen", v)
