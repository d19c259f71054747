l = [1, 2]
l.append(l)
print(l, len(l), l[2][2][2] is l)
d = {"a": l}
l.append(d)
print(l)
a = []
b = [a]
a.append(b)
print(a, b)
