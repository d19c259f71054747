# ast.unparse (Lib/_ast_unparse.py on _ast) and get_docstring's cleaning (inspect.cleandoc).
import ast

src = '''\
"""Module doc."""
from __future__ import annotations
import os.path as p, sys
from .. import a as b
@dec(1)
class C(Base, metaclass=M):
    """Class doc."""
    x: int = 1
    async def m(self, a, /, b=2, *args, c, d=4, **kw) -> list[int]:
        global g
        async with open(a) as f, g:
            async for i in f:
                yield i
        await z
        return [i ** 2 for i in range(10) if i % 2 if i] or {k: v for k, v in d.items()}
def gen[T: int, *Ts, **P](x: T) -> T:
    nonlocal_ = lambda y, *, z=1: (y, z)
    try:
        raise ValueError('x') from None
    except* (TypeError, ValueError) as eg:
        pass
    else:
        pass
    finally:
        del x[1:2:3], y.z
    while not a and b or c:
        if a is not b: break
        elif a not in b: continue
        else: pass
    match cmd:
        case ['go', direction] | ('move', direction):
            pass
        case {'x': 0, **rest} if rest:
            pass
        case Point(x=0, y=yy) as pt:
            pass
        case -1 | 1.5 | 2j | None | 'str' | b'b':
            pass
        case [*_]:
            pass
    x = y = f'{a!r:>{w}} {b=} {c:.2f}' + t'{d}'
    x += 1; x @= m; x //= 2; x **= -1
    print(*a, **k, sep='')
    s = {1, 2}, (), (1,), [*a, *b], {**a, 'k': 1}
    v = a if b else c
    w = (yield)
    u = not -+~x
    assert x, 'msg'
    type Alias[K] = dict[K, int]
    return (n := 10)
'''
tree = ast.parse(src)
out = ast.unparse(tree)
print(out)
print(ast.dump(ast.parse(out)) == ast.dump(tree))
print(ast.unparse(ast.parse('1 + 2 * 3 - (4 - 5) ** -6 ** 7')))
print(ast.unparse(ast.Constant(value=(1, 'a'))), ast.unparse(ast.Name('x')))
print(ast.get_docstring(tree), '|', ast.get_docstring(tree.body[4]))
f = ast.parse('def f():\n    """\n    Indented\n      more\n    """').body[0]
print(repr(ast.get_docstring(f)))
