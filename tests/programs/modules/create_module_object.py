import sys
ModuleType = type(sys)
m = ModuleType("dynamic_mod", "module doc")
print(m, m.__name__, m.__doc__, repr(m)[:20])
m.value = 42
exec("def double(x):\n    return x * 2\nresult = double(value)", m.__dict__)
print(m.result, m.double(5), sorted(k for k in vars(m) if not k.startswith("__")))
sys.modules["dynamic_mod"] = m
import dynamic_mod
print(dynamic_mod is m, dynamic_mod.result)
from dynamic_mod import double
print(double(7))
try:
    from dynamic_mod import missing_name
except ImportError as e:
    print("ImportError", e)
try:
    m.missing_attr
except AttributeError as e:
    print("AttributeError", e)
