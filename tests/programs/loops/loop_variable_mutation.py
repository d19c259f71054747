l = [1, 2, 3]
for x in l:
    if x == 1:
        l.append(4)
print(l)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print(l)
for i in range(3):
    i = 10
print(i)
r = range(3)
out = []
for i in r:
    out.append(i)
    r = range(100)
print(out)
d = {"a": 1}
for k in d:
    d[k] = 2
print(d)
