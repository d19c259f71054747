# Raising while handling an exception whose __context__ chain already holds a cycle ends
# (the chain is left as it is); a cycle through the new exception is cut.
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)

try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__)
print(exc.__context__.__context__ is exc.__context__)

class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
class D(Exception): pass

try:
    try:
        raise A()
    except A as _a:
        a = _a
        try:
            raise B()
        except B as _b:
            b = _b
            try:
                raise C()
            except C as _c:
                c = _c
                a.__context__ = c
                raise c
except C as got:
    print(got is c, c.__context__ is b, b.__context__ is a, a.__context__ is c)

# a longer pre-existing cycle, not through the raised exception
try:
    try:
        raise A()
    except A as a2:
        b2 = B(); c2 = C()
        a2.__context__ = b2; b2.__context__ = c2; c2.__context__ = a2
        raise D()
except D as d:
    x = d.__context__
    names = []
    for _ in range(5):
        names.append(type(x).__name__)
        x = x.__context__
    print(names)
