import a
import a.b.c as d, e
from . import x
from .. import y as z
from ...a import (b, c as d,)
from .a.b import *
global g1, g2
def outer():
    nonlocal_ = 1
    def inner():
        nonlocal nonlocal_
del a, b[0], c.d, (e, f), [g]
assert x
assert x, "message"
raise
raise E
raise E from F
pass; pass;
x: int
x: int = 1
(y): int = 2
a.b: str
a[0]: float = 1.0
x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x %= 1; x &= 1; x |= 1; x ^= 1; x <<= 1; x >>= 1; x **= 1; x //= 1
a = b = c = 1
a = yield
if a: pass
elif b: pass
elif c: pass
else: pass
while x:
    break
else:
    continue
try:
    pass
except* ValueError as e:
    pass
except* (TypeError, KeyError):
    pass
try:
    pass
except A, B:
    pass
except (C, D) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
class A(B, C, metaclass=M, **kw): pass
class D(): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g) -> "ret": ...
def g(a: int, *, b: str = "x"): return
x if y else z
a and b or c and not d
a < b <= c != d == e > f >= g is h is not i in j not in k
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n
(yield x)
await_ = 1
x = (1,)
x = ()
x = [1, 2,]
x = {1: 2, 3: 4,}
x = {1, 2}
x[1:2, ::3, 4:]
x[:]
x[a:=1]
(a := 1)
f(a := 1)
obj.attr.method(1)(2)[3]
...
