# ast.parse and ast.dump: positions, modes, flags, type comments, feature_version.
import ast

src = '''\
import os, sys as s
from . import x
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:
    """doc"""
    global g
    return [i * 2 for i in range(10) if i % 2]
@dec
class A(B, metaclass=M):
    x: int = 3
    async def g(self):
        async with a as b, c:
            await z
        async for q in r:
            yield q
try:
    pass
except* ValueError as e:
    raise
finally:
    del x[1:2, ::3]
match p:
    case [1, *rest] | {"k": v, **kw}:
        pass
    case Point(x=0, y=_) if x > 0:
        pass
    case None | True | -1 | 1+2j | "s" | a.b:
        pass
type T[U: int, *V, **W] = list[U]
lambda x, *, y=1: (x, y)
f"{x!r:>{width}} {y=}"
t"{x}"
with (open(a) as f, open(b)): ...
while x := f():
    break
else:
    continue
x = y = 1 if z else 2
x += {1: 2, **d}
print(*a, **k), {1, 2}, (..., None, b'b', 1.5, 2j, 10**100)
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.dump(t, indent=2)[:2000])
print(ast.dump(ast.parse('x + 1', mode='eval')))
print(ast.dump(ast.parse('x = 1', mode='single')))
print(ast.dump(ast.parse('(int, str) -> list[int]', mode='func_type')))
print(ast.dump(ast.parse('é = "ü" + 𝔘', mode='exec'), include_attributes=True))
print(ast.dump(ast.parse('x = 1  # type: int\ndef f(a):  # type: (int) -> None\n    pass\nimport x  # type: ignore[abc]\n', type_comments=True), include_attributes=True))
print(ast.dump(ast.parse('x = 1', feature_version=(3, 8))))
t = compile('x = 1', '<s>', 'exec', ast.PyCF_ONLY_AST)
print(type(t).__name__, t.body[0].targets[0].ctx is ast.parse('y = 2').body[0].targets[0].ctx)
print(ast.parse('1+2', optimize=1).body[0].value)
for bad in ['x = ', 'def f(:', '(1, 2', 'x = 1 +\n', 'f(**x, *y)', 'a b']:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset)
try:
    compile('x', 'f', 'func_type')
except ValueError as e:
    print('ValueError', e)
try:
    compile('x', 'f', 'nope', ast.PyCF_ONLY_AST)
except ValueError as e:
    print('ValueError', e)
print(ast.dump(ast.parse('# coding: latin-1\nx = "é"')))
print(ast.dump(ast.parse('# coding: latin-1\nx = "é"'.encode('latin-1'))))
print(ast.dump(ast.parse(b'\xef\xbb\xbfx = "\xc3\xa9"')))
for src in ['  \t x', b' x']:
    try:
        ast.parse(src, mode='eval')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    try:
        compile(src, 'f', 'eval')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
print(eval('  \t 1'), eval(b' 2'))
try:
    ast.parse('x = 1\0')
except SyntaxError as e:
    print(type(e).__name__, e)
print(ast.dump(ast.parse('x = 1\r\ny = 2\r')))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    ast.parse('x = "\\d"', filename='<w>')
print([(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
