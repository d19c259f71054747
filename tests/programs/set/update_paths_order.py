f = frozenset((10, 20, 30, 1000, 5))
s = set()
s.update(f)
print(f, s, {10, 20, 30, 1000, 5}, set(f), set({1000: 1, 5: 2, 10: 3}), set([1000, 5, 10]))
t = {1, 2}
t.update({64: 0, 33: 0}, [17, 9], {200})
print(t)
print({1, 2} in {frozenset({1, 2})}, {3} in {frozenset({1})})
u = {frozenset({1, 2}), 3}
u.discard({1, 2})
print(u)
try:
    u.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    [1] in {1}
except TypeError as e:
    print("TypeError", e)
print(frozenset(f) is f, hash(slice(1, 2)) == hash(slice(1, 2)), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
