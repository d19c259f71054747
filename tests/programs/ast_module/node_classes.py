# The node classes of `ast`: hierarchy, class attributes, constructor rules (3.13+ defaults and
# deprecation warnings), __reduce__, __replace__, repr.
import ast
import warnings

warnings.simplefilter('always')


def t(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = f()
        for x in w:
            print('W', x.category.__name__, x.message)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(ast.AST, ast.Name.__mro__, type(ast.AST), ast.Name.__module__)
print(ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes, ast.Load._fields)
print(ast.Name._field_types)
print(ast.FunctionDef._field_types)
print(ast.Constant._field_types, ast.ImportFrom._field_types)
print(ast.arguments._field_types)
print(ast.Module.__doc__)
print(ast.Add.__doc__, ast.Load.__doc__, ast.arg.__doc__)
print(ast.expr.end_lineno, ast.Constant.kind, ast.arg.annotation, ast.ExceptHandler.type)
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Add, ast.operator),
      issubclass(ast.ExceptHandler, ast.excepthandler), issubclass(ast.arguments, ast.AST))
print(sorted(n for n in dir(ast) if n.startswith('PyCF_')))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
      ast.PyCF_OPTIMIZED_AST)

t(lambda: ast.Name())
t(lambda: ast.Name('x'))
t(lambda: ast.Name('x', ast.Load(), 3))
t(lambda: ast.Return(1, 2))
t(lambda: ast.Name('x', id='y'))
t(lambda: ast.Name('x', foo=1))
t(lambda: ast.Name('x', lineno=1).lineno)
t(lambda: ast.BinOp(left=ast.Constant(1), op=ast.Add()))
t(lambda: ast.Constant(1))
t(lambda: ast.arguments())
t(lambda: ast.Load(1))
t(lambda: ast.AST(1))
t(lambda: ast.AST(a=1))
t(lambda: ast.ImportFrom())
t(lambda: ast.Dict())
t(lambda: ast.FunctionDef('f', ast.arguments(), [ast.Pass()]))
t(lambda: ast.Name('x').__reduce__())
t(lambda: ast.Name('x', lineno=3).__reduce__())
t(lambda: ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)).__reduce__())
t(lambda: ast.Constant(1).__reduce__())
t(lambda: ast.alias('m').__reduce__())
t(lambda: ast.AST().__reduce__())
t(lambda: ast.Load().__reduce__())
t(lambda: ast.Name('x').__replace__(id='y'))
t(lambda: ast.Name('x').__replace__(foo='y'))
t(lambda: ast.Constant(1).__replace__(value=2, kind='u'))
t(lambda: ast.Name('x', lineno=3).__replace__(lineno=4).lineno)
t(lambda: ast.Name('x').__replace__(1))
t(lambda: ast.Name('x').lineno)
t(lambda: ast.Name('x').end_lineno)
t(lambda: ast.AST())
t(lambda: ast.List([ast.Constant(i) for i in range(5)]))
t(lambda: ast.List([ast.Constant(i) for i in range(2)]))
t(lambda: ast.Name(id=[1, 2, 3, 4, 5]))
n = ast.Name('x')
n.id = n
t(lambda: n)
t(lambda: ast.Load() == ast.Load())


class C(ast.AST):
    _fields = ('a', 'b')


t(lambda: C())
t(lambda: C(1))
t(lambda: C(1, 2))
t(lambda: C(1, 2, 3))


class D(ast.Name):
    _fields = ('id', 'ctx', 'extra')


t(lambda: D('x'))


class E(ast.AST):
    _fields = ('a',)
    _field_types = {'a': int}


t(lambda: E())
print(ast.Name.__annotations__, ast.Name.__annotations__ is ast.Name._field_types, ast.expr.__annotations__)
print(ast.parse('x').body[0].__dict__)
