s = "x" * 200_000
print(len(s), s[-3:], s.count("x"), len(s.replace("x", "yy")))
l = list(range(200_000))
print(len(l), sum(l), l[-1], len(l[::1000]))
b = bytes(100_000)
print(len(b), b.count(0))
d = {i: i for i in range(20_000)}
print(len(d), d[19_999])
