s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 not in s)
s.discard(9); s.remove(3)
print(sorted(s), sorted(s.copy()), s.pop() in {1, 2, 4}, len(s))
s.clear()
print(s, set(), set("aab") == {"a", "b"}, set([1, 2, 2]), set(range(3)), {1, 2} == {2, 1})
try:
    s.remove(1)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
