d = {1: 2}
for v in (d.keys(), d.values(), d.items(), iter(d), iter(d.values()), iter(d.items())):
    t = type(v)
    print(t.__name__, [n for n in sorted(dir(t)) if n not in ('__doc__',)])
