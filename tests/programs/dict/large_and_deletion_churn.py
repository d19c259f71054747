d = {}
for i in range(2000):
    d[i] = i * i
for i in range(0, 2000, 2):
    del d[i]
for i in range(2000, 2500):
    d[i] = -i
print(len(d), list(d)[:5], list(d)[-3:], sum(d.values()), 1999 in d, 1998 in d)
d.clear()
d.update((str(i), i) for i in range(5))
print(d)
