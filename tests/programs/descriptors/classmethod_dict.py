# classmethod/staticmethod objects have a __dict__ holding the wrapped function's __module__,
# __name__, __qualname__ and __doc__, and take attributes; __dict__ can be replaced.
def f(cls, x):
    "doc of f"
    return x
for deco in (classmethod, staticmethod):
    c = deco(f)
    print(sorted(c.__dict__), c.__doc__, c.__name__, c.__qualname__, c.__module__)
    c.foo = 3
    print(c.__dict__['foo'], sorted(c.__dict__))
    try:
        c.__dict__ = {'a': 1}
        print(c.a, c.__dict__)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    print(c.__wrapped__ is f, c.__func__ is f)
class K:
    @classmethod
    def m(cls):
        "m doc"
        return cls.__name__
    m.tag = "tagged"
print(K.m(), K.__dict__['m'].tag, K.__dict__['m'].__doc__)
try:
    K.__dict__['m'].__func__ = None
except AttributeError as e:
    print(e)
