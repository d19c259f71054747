import _heapq
import heapq

print(sorted(n for n in dir(_heapq) if not n.startswith('__')))

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6]:
    _heapq.heappush(h, x)
print(h)
print([_heapq.heappop(h) for _ in range(len(h))])

data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, -1]
_heapq.heapify(data)
print(data)
print(_heapq.heapreplace(data, 10), data)
print(_heapq.heappushpop(data, -5), data)
print(_heapq.heappushpop(data, 4), data)
print(_heapq.heappushpop([], 3))

m = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
_heapq.heapify_max(m)
print(m)
_heapq.heappush_max(m, 7)
print(m)
print(_heapq.heappop_max(m), m)
print(_heapq.heapreplace_max(m, 0), m)
print(_heapq.heappushpop_max(m, 100), m)
print(_heapq.heappushpop_max(m, 2), m)
print([_heapq.heappop_max(m) for _ in range(len(m))])

# Comparison order is observable through __lt__.
log = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self): return f"K({self.v})"

h = [K(v) for v in [5, 2, 8, 1, 9, 3]]
_heapq.heapify(h)
print(h, log); log.clear()
_heapq.heappush(h, K(0))
print(h, log); log.clear()
print(_heapq.heappop(h), h, log); log.clear()
print(_heapq.heappushpop(h, K(4)), log); log.clear()
_heapq.heapify_max(h)
print(h, log); log.clear()
print(_heapq.heappop_max(h), log); log.clear()

# Big heaps use the cache-friendly order.
big = [(i * 7919) % 3001 for i in range(3001)]
_heapq.heapify(big)
print(all(big[k] <= big[c] for k in range(len(big)) for c in (2 * k + 1, 2 * k + 2) if c < len(big)))
cnt = 0
class C:
    __slots__ = ('v',)
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global cnt
        cnt += 1
        return self.v < o.v
bigc = [C((i * 7919) % 3001) for i in range(3001)]
_heapq.heapify(bigc)
print(cnt, [c.v for c in bigc[:10]])

print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), heapq.nlargest(2, [5, 1, 4, 2, 3]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))

# Errors.
def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)

err(_heapq.heappush, [])
err(_heapq.heappush, (), 1)
err(_heapq.heapify, ())
err(_heapq.heapify)
err(_heapq.heapify, [], [])
err(_heapq.heappop, [])
err(_heapq.heappop_max, [])
err(_heapq.heapreplace, [], 1)
err(_heapq.heapreplace_max, [], 1)
err(_heapq.heappushpop, (), 1)
err(_heapq.heappush, heap=[], item=1)
err(_heapq.heapify, [1, 'a', 2])
err(_heapq.heappush, [1, 2], None)

# A comparison that resizes the list.
class Bad:
    def __init__(self, h): self.h = h
    def __lt__(self, o):
        self.h.append(0)
        return True
h = [1, 2, 3]
err(_heapq.heappush, h, Bad(h))
h = [Bad(None), Bad(None), Bad(None)]
for b in h: b.h = h
err(_heapq.heapify, h)
print(len(h))

class L(list): pass
s = L([3, 1, 2])
_heapq.heapify(s)
print(s, type(s).__name__)
