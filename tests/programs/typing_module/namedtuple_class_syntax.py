# typing.NamedTuple class syntax: defaults, methods, errors, the functional form, a generic
# NamedTuple (which sets __type_params__ on the class), and type.__type_params__ assignment.
from typing import NamedTuple
class P(NamedTuple):
    x: int = 0
    y: str = 'a'
    def swap(self): return P(self.y, self.x)
print(P(), P(1,'b'), P._fields, P._field_defaults, P(2).swap(), P.__annotations__)
class Q(NamedTuple):
    a: int
    b: list
print(Q(1, [2]), Q._make([3, 4]), Q(1, 2)._replace(a=5), Q(1,2)._asdict(), Q.__mro__)
try:
    class R(NamedTuple):
        a: int = 1
        b: int
except TypeError as e: print(e)
import typing
E = NamedTuple('E', [('u', int), ('v', float)])
print(E(1, 2.0), E.__annotations__)
class G[T](NamedTuple):
    v: T
print(G[int], G(3))
class A: pass
for v in (1, None, (1,)):
  try:
    A.__type_params__ = v; print(A.__type_params__)
  except TypeError as e: print(e)
try: del A.__type_params__
except TypeError as e: print(e)
print(A.__type_params__)
try: int.__type_params__ = ()
except TypeError as e: print(e)
