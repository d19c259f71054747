o = object()
print(type(o).__name__, isinstance(o, object), object.__class__, object().__eq__(o), hasattr(o, "__dict__"))
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError", e)
print(object.__init__(o) is None, object.__new__(object).__class__.__name__, object.__doc__ is not None)
