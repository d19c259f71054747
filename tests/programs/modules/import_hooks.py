import sys
import builtins

calls = []
original = builtins.__import__
def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level))
    return original(name, globals, locals, fromlist, level)
builtins.__import__ = tracing_import
import math
from _pkg import sub
builtins.__import__ = original
print([c for c in calls if c[0] != '_io'])

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.answer = 42
        module.spec_name = module.__spec__.name

class Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.startswith("virtual_"):
            import importlib.machinery
            return importlib.machinery.ModuleSpec(name, Loader())
        return None

sys.meta_path.insert(0, Finder)
import virtual_mod
print(virtual_mod.answer, virtual_mod.spec_name, virtual_mod.__name__, virtual_mod.__package__)
print(repr(virtual_mod).startswith("<module 'virtual_mod' (<__main__.Loader object"))
sys.meta_path.remove(Finder)
try:
    import virtual_other
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

import _helper_mod
_helper_mod.counter = 99
import importlib
r = importlib.reload(_helper_mod)
print(r is _helper_mod, _helper_mod.counter)
del sys.modules["_helper_mod"]
import _helper_mod as again
print(again is r, again.counter)

def __getattr__(name):
    return "lazy " + name
this = sys.modules[__name__]
print(this.whatever)
