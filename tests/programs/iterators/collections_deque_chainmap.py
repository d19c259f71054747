import collections
dq = collections.deque([1, 2, 3], maxlen=4)
dq.appendleft(0); dq.append(4)
print(dq, dq.maxlen, dq[0], dq[-1], len(dq))
dq.rotate(1); print(dq)
dq.rotate(-2); print(dq)
dq.extendleft("ab"); print(dq, dq.popleft(), dq.pop(), dq.count(2))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps, cm.new_child({"c": 4})["c"], cm.parents)
cm["z"] = 0
print(cm.maps[0])
