# Tuple and list subclasses that define __iter__ are iterated through it when unpacked, passed to
# list()/tuple() or spread with *: platform.uname() relies on it.
import platform
class T(tuple):
    def __iter__(self):
        yield from super().__iter__()
        yield "extra"
class L(list):
    def __iter__(self):
        return iter(["a", "b", "c"])
a, b, c = T((1, 2))
print(a, b, c)
x, y, z = L([1, 2])
print(x, y, z, list(L([9])), tuple(T((5,))), [*T((7,))])
s, n, r, v, m, p = platform.uname()
print(s)
class P(tuple):
    pass
print(list(P((1, 2))), *P((3, 4)))
