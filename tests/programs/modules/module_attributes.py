import sys, math
print(__name__, type(sys.modules[__name__]).__name__, math.__name__, "math" in sys.modules)
this = sys.modules[__name__]
print(this.__name__, hasattr(this, "__file__"), this.__doc__, this.__spec__, this.__package__)
print(type(math).__name__, isinstance(math, type(sys)), math.__spec__.name, "sqrt" in dir(math), math.__loader__ is not None)
