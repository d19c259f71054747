import _collections
from _collections import deque, defaultdict
print(deque.__module__, defaultdict.__module__, type(iter(deque())), type(reversed(deque())))
for f in ["deque(1)", "deque([], -1)", "deque([], 'a')", "deque().pop()", "deque().popleft()", "deque([1]).index(2)", "deque([1]).remove(2)", "deque([1])[5]", "deque([1])['a']", "deque([1],1).insert(0,2)", "deque() + [1]", "deque() < [1]", "deque([1]) * 'a'", "hash(deque())", "deque(a=1)", "deque([1,2,3]).rotate('x')", "deque([1,2]).index(1, 'a')", "deque().maxlen", "deque(range(3), 2)", "deque(range(3), maxlen=None).maxlen", "defaultdict(1)", "defaultdict(None, a=1)", "defaultdict(list)", "defaultdict()[1]", "defaultdict(list, [(1,2)])", "_collections._count_elements({}, 'abca')", "deque([1,2,3]).__reduce__()[:3]", "deque([1,2,3], 5).__reduce__()[:3]", "list(deque([1,2,3], 5).__reduce__()[3])", "defaultdict(int, {1: 2}).__reduce__()[:4]", "list(defaultdict(int, {1: 2}).__reduce__()[4])", "deque([[1]]) == deque([[1]])", "deque([1,2]) < deque([1,3])", "deque([1]).__copy__()", "deque([1,2,3])[-1]", "deque('abc', 2)", "defaultdict(int).default_factory", "repr(deque.__class_getitem__(int))", "deque([1,2]) * 2", "2 * deque([1,2])"]:
    try: print(f, '->', repr(eval(f)))
    except Exception as e: print(f, '->', type(e).__name__, e)
d = deque([1,2,3])
try:
    for x in d: d.append(4)
except Exception as e: print(type(e).__name__, e)
try:
    for x in d: d.pop()
except Exception as e: print(type(e).__name__, e)
d = deque(); d.append(d); print(d)
dd = defaultdict(list); dd['a'].append(1); dd[2]; print(dd, repr(dd), dd.copy(), type(dd | {3: 4}), {0: 1} | dd)
class E: 
    def __eq__(s, o): d.clear(); return False
d = deque([E(), E()])
try: d.index(5)
except Exception as e: print(type(e).__name__, e)
d = deque([1,2,3]); d += [4]; d *= 2; print(d); d.extend(d); print(d)
d = deque(range(5), 3); d.extendleft('ab'); print(d, d.maxlen)
d = deque(range(10)); d.rotate(3); print(d); d.rotate(-5); print(d); d.reverse(); print(d)
print(d.count(3), d.index(3), d.index(3, 2, 9))
d.insert(2, 'x'); d.insert(-100, 'y'); d.insert(100, 'z'); print(d)
d[1] = 'q'; del d[0]; print(d, d.copy(), 3 in d, bool(deque()), len(d))
print(list(reversed(d)), type(iter(d)).__name__)
it = iter(deque([1,2,3])); next(it); print(it.__length_hint__(), it.__reduce__())
