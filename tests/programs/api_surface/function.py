t = type(lambda: None)
names = sorted(dir(t))
print(t.__name__, len(names))
for n in names:
    if n in ('__doc__', '__text_signature__'):
        continue
    a = getattr(t, n, "<missing>")
    print(n, type(a).__name__, n in vars(t))
print([b.__name__ for b in t.__mro__])
