# Allocations past the threshold collect cycles without an explicit gc.collect().
import gc


class Node:
    def __init__(self):
        self.me = self


gc.collect()
gc.set_threshold(100)
freed = []


class Tracked:
    def __init__(self, i):
        self.i = i
        self.me = self

    def __del__(self):
        freed.append(self.i)


for i in range(1000):
    Tracked(i)
print(len(freed) > 500)
gc.disable()
before = len(freed)
for i in range(1000):
    Tracked(i)
print(len(freed) == before)
gc.enable()
gc.collect()
print(len(freed))
print(sorted(set(freed)) == list(range(1000)))
