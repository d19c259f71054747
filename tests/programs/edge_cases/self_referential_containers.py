l = [1, 2]
l.append(l)
print(l, str(l), repr(l), len(l))
d = {}
d["me"] = d
d["list"] = [d]
print(d)
s = [[]]
s[0].append(s)
print(s)
t = ([],)
t[0].append(t)
print(t)
class Box:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return f"Box({self.items!r})"
b = Box()
b.items.append(b.items)
print(b)
import collections
od = collections.OrderedDict()
od["x"] = od
print(od)
dq = collections.deque([1])
dq.append(dq)
print(dq)
print(l == l, l[2] is l)
