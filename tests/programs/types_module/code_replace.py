# code.replace: the descriptive fields change, the rest must be given unchanged.
import types

def f(a, b=2):
    return a + b

c = f.__code__
r = c.replace(co_name="g", co_qualname="q.g", co_filename="other.py", co_firstlineno=40)
print(r.co_name, r.co_qualname, r.co_filename, r.co_firstlineno)
print(r.co_argcount, r.co_varnames, r.co_consts == c.co_consts)
print(c.co_name, c.co_firstlineno == r.co_firstlineno)
print(types.FunctionType(r, {}, None, (2,))(1), types.FunctionType(r, {})(1, 5))
r2 = c.replace(co_flags=c.co_flags | 0x100)
print(r2.co_flags & 0x100, c.co_flags & 0x100)
print(c.replace() is not c, c.replace().co_name)
print(c.__replace__(co_name="h").co_name)
for bad in [dict(co_name=3), dict(co_firstlineno="x"), dict(nope=1)]:
    try:
        c.replace(**bad)
    except TypeError as e:
        print("TypeError")
try:
    c.replace(1)
except TypeError as e:
    print("TypeError", e)

@types.coroutine
def gen():
    yield 1
print(list(gen()))
