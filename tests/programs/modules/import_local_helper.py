import _helper_mod
from _helper_mod import greet, CONSTANT as C
import _helper_mod as alias
print(greet("world"), C, alias is _helper_mod, _helper_mod.__name__, _helper_mod.counter)
import _helper_mod
print(_helper_mod.counter, "imported once")
import importlib
print(type(importlib).__name__)
