def f():
    pass
results = [f(), print("side effect"), [].append(1), {}.clear(), None]
print(results, all(r is None for r in results))
print(None.__class__.__name__, type(None).__bool__(None), None.__repr__(), None.__eq__(None), None.__eq__(0), None.__hash__() == hash(None))
print(sorted([3, None, 1], key=lambda v: (v is None, v or 0)), [x for x in [0, None, 1] if x is not None])
print(isinstance(None, object), issubclass(type(None), object), None in [None], None in [0, False, ""])
