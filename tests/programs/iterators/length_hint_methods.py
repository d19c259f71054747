l = [1, 2, 3]
r = reversed(l)
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
r = reversed(l); l.pop(); l.pop(); print(list(r))
r = reversed(l); l.append(9); print(list(r))
for it in [iter([1,2]), iter((1,)), iter("ab"), iter("é"), iter(b"xyz"), iter({1,2}), iter({1:2}), iter({1:2}.values()), iter({1:2}.items())]:
    a = it.__length_hint__(); next(it); print(type(it).__name__, a, it.__length_hint__())
s = {1, 2}; it = iter(s); s.add(3); print(it.__length_hint__())
