import sys
import _pkg
print(_pkg.VALUE, _pkg.sub.twice(4), _pkg.deep_value, _pkg.sub.SECRET, _pkg.sub.helper.name())
print(_pkg.__name__, _pkg.__package__, _pkg.__spec__.name, _pkg.__spec__.parent)
print([p.rsplit("/", 1)[-1] for p in _pkg.__path__], _pkg.__file__.rsplit("/", 2)[-2:])
print(_pkg.sub.__spec__.parent, _pkg.sub.__spec__.submodule_search_locations, _pkg.sub.__spec__.has_location)
print(_pkg.__spec__.cached.rsplit("/", 2)[-2:], _pkg.sub.__cached__.rsplit("/", 1)[-1])
print(sorted(k for k in sys.modules if k.startswith("_pkg")))
import _pkg.inner as inner_alias
print(inner_alias is _pkg.inner, inner_alias.__name__)
from _pkg import *
print(sub.twice(5), VALUE)
m = __import__("_pkg.sub")
print(m.__name__)
m = __import__("_pkg.sub", fromlist=["twice"])
print(m.__name__)
m = __import__("_pkg", globals(), None, ["helper_in_pkg"], 0)
print(m.helper_in_pkg.name())
import importlib
print(importlib.import_module("_pkg.sub").__name__, importlib.import_module("._private", "_pkg").SECRET)
print(importlib.import_module("..sub", "_pkg.inner").__name__)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError", e)
print(type(_pkg.__loader__).__name__, _pkg.__loader__.name, _pkg.__loader__.is_package("_pkg"))
print(_pkg.__spec__.loader is _pkg.__loader__, type(sys.meta_path).__name__, len(sys.meta_path) >= 3)
spec = _pkg.__spec__
print(repr(spec).split(", loader=")[0])
print(repr(sys.modules["sys"].__spec__))
import math
print(sys.modules["math"].__loader__, sys.__package__ == "", sys.__spec__.origin)
