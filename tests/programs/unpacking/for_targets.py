pairs = [(1, "a"), (2, "b")]
for n, s in pairs:
    print(n, s)
for i, (n, s) in enumerate(pairs):
    print(i, n, s)
for first, *rest in ["abc", "de"]:
    print(first, rest)
d = {}
for d["key"] in range(3):
    pass
print(d)
class O:
    pass
o = O()
for o.attr in "xyz":
    pass
print(o.attr)
l = [0, 0]
for l[1] in [5, 6]:
    pass
print(l)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print("ValueError", e)
