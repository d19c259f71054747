import sys
from types import SimpleNamespace as NS
ns = NS(a=1, b=[2])
print(ns, repr(ns), ns.a, ns == NS(a=1, b=[2]), ns != NS(a=1))
print(NS({'x': 1}, y=2), NS([('p', 3)]), NS())
ns.self = ns
print(ns)
class Sub(NS): pass
print(Sub(z=1), Sub(z=1) == NS(z=1))
for bad in [lambda: NS(1), lambda: NS({1: 2}), lambda: NS(1, 2)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
for bad in [lambda: hash(NS()), lambda: NS(a=1).b]:
    try: print(bad())
    except Exception as e: print(type(e).__name__)
print(list(ns.__dict__), vars(NS(q=1)))
print(NS(a=1).__reduce__()[1:])
print(NS.__name__, NS.__module__, NS.__qualname__, type(sys.implementation) is NS)
print(type(sys.implementation.name), sys.implementation.version == sys.version_info)
print(type(sys.implementation.cache_tag), type(sys.hexversion))
del ns.a
print(list(ns.__dict__))
