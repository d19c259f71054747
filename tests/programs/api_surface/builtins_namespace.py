import builtins
names = sorted(n for n in dir(builtins) if not n.startswith("_"))
print(len(names))
for n in names:
    v = getattr(builtins, n)
    kind = "exception" if isinstance(v, type) and issubclass(v, BaseException) else type(v).__name__
    print(n, kind)
print(sorted(n for n in dir(builtins) if n.startswith("__")))
