# gc.collect() finds reference cycles of lists, dicts and instances and returns their count.
import gc

gc.collect()
l = []
l.append(l)
del l
print("list self-cycle", gc.collect())

d = {}
d["self"] = d
del d
print("dict self-cycle", gc.collect())

a = [1]
b = [a]
a.append(b)
del a, b
print("two lists", gc.collect())


class Node:
    pass


x = Node()
y = Node()
x.other = y
y.other = x
del x, y
print("two instances", gc.collect())

ring = [Node() for _ in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
del ring, n
print("ring of ten", gc.collect())

alive = []
alive.append(alive)
print("reachable cycle", gc.collect())
print(len(alive), alive[0] is alive)
print("nothing left", gc.collect())

s = set()
t = (s,)
print(gc.collect(0), gc.collect(1), gc.collect(2), gc.collect(generation=2))
