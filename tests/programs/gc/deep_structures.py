# Collecting and freeing deep cyclic structures does not overflow the stack.
import gc

gc.collect()
head = []
node = head
for _ in range(100000):
    nxt = []
    node.append(nxt)
    node = nxt
node.append(head)
del node, nxt
print(gc.collect())
del head
print(gc.collect())

d = {}
cur = d
for i in range(50000):
    cur["next"] = {}
    cur = cur["next"]
cur["back"] = d
del cur, d
print(gc.collect())
