import sys
try:
    import _pkg.circ_a
except ImportError as e:
    print("ImportError", str(e).replace(e.path or "", "PATH"), e.name, e.path is not None)
print("_pkg.circ_a" in sys.modules, "_pkg.circ_b" in sys.modules)
try:
    import _pkg.inner.leaf
except ImportError as e:
    print("ImportError", e, e.name, e.path)
try:
    from . import anything
except ImportError as e:
    print("ImportError", e)
try:
    import _pkg.sub.deeper
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    import _pkg.nothing_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name, e.path)
try:
    import _pkg.broken
except ValueError as e:
    print("ValueError", e, "_pkg.broken" in sys.modules, hasattr(sys.modules["_pkg"], "broken"))
try:
    from _pkg import missing_thing
except ImportError as e:
    print("ImportError", str(e).replace(e.path, "PATH"), e.name, e.name_from)
e = ImportError("msg", name="n", path="p")
print(e.args, e.name, e.path, e.msg, ImportError().name, ImportError("a", "b").msg)
try:
    ImportError("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print("ValueError", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError", e)
try:
    __import__("x", {"__package__": 5}, None, [], 1)
except TypeError as e:
    print("TypeError", e)
try:
    __import__("_pkg", {}, None, [5], 0)
except TypeError as e:
    print("TypeError", e)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
