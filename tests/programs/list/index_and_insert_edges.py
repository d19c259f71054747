l = list("abcdef")
print(l.index("c", -4), l.index("f", 2, 100), l.index("a", -100))
try:
    l.index("a", 1)
except ValueError as e:
    print("ValueError", e)
l.insert(-1, "X"); l.insert(-100, "Y"); l.insert(100, "Z")
print(l)
l.extend(l)
print(len(l), l[:3])
l[:] = l[::-1]
print(l[:4])
print(l.pop(-1), l.pop(3), len(l))
