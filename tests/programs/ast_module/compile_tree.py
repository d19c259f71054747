# compile() of hand-built and transformed trees, and the validator's errors for bad ones.
import ast


def t(f):
    try:
        r = f()
        print('OK', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


tree = ast.parse('x = 6 * 7\nprint(x)')
exec(compile(tree, '<ast>', 'exec'))
print(eval(compile(ast.parse('[i * i for i in range(5)]', mode='eval'), '<ast>', 'eval')))


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


tree = Double().visit(ast.parse('print(1 + 2, "s")'))
exec(compile(tree, '<ast>', 'exec'))

m = ast.Module([ast.Expr(ast.Call(ast.Name('print', ast.Load()),
                                  [ast.Constant('hello'), ast.Constant(-5)], []))], [])
ast.fix_missing_locations(m)
exec(compile(m, '<built>', 'exec'))

fn = ast.parse('def f(a, b=2):\n    return a + b')
ns = {}
exec(compile(fn, '<fn>', 'exec'), ns)
print(ns['f'](1), ns['f'](1, 5))
print(compile(fn, 'f', 'exec', ast.PyCF_ONLY_AST) is fn)

M = lambda *b: ast.Module(list(b), [])
E = lambda e: ast.Expr(e, lineno=1, col_offset=0)
L = dict(lineno=1, col_offset=0)
t(lambda: compile(ast.parse('x'), 'f', 'eval'))
t(lambda: compile(ast.Expression(ast.Name('x', **L)), 'f', 'exec'))
t(lambda: compile(ast.Name('x'), 'f', 'exec'))
t(lambda: compile(M(ast.Expr(ast.Name('x'))), 'f', 'exec'))
t(lambda: compile(M(ast.Expr(ast.Name('x'), lineno=1)), 'f', 'exec'))
t(lambda: compile(M(E(ast.Name('x', **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Name('x', ast.Store(), **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Name(1, **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Constant([1], **L))), 'f', 'exec'))
t(lambda: compile(M(E(None)), 'f', 'exec'))
t(lambda: compile(M(E(ast.Return(**L))), 'f', 'exec'))
t(lambda: compile(ast.Module(1, []), 'f', 'exec'))
t(lambda: compile(ast.Module(), 'f', 'exec'))
t(lambda: compile(M(ast.If(ast.Name('x', **L), [], [], **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Pass(lineno='a', col_offset=0)), 'f', 'exec'))
t(lambda: compile(M(ast.Pass(lineno=1, col_offset=0, end_lineno=None)), 'f', 'exec'))
t(lambda: compile(M(E(ast.Name('None', **L))), 'f', 'exec'))
t(lambda: compile(M(ast.Pass(lineno=2**40, col_offset=0)), 'f', 'exec'))
t(lambda: compile(M(ast.Assign([ast.Constant(1, **L)], ast.Constant(2, **L), **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Assign([], ast.Constant(2, **L), **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Delete([ast.Name('x', ast.Load(), **L)], **L)), 'f', 'exec'))
t(lambda: compile(M(E(ast.Compare(ast.Name('x', **L), [ast.Lt()], [], **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Compare(ast.Name('x', **L), [ast.Lt()], [ast.Name('y', **L)] * 2, **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Dict([None], [], **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.BoolOp(ast.And(), [ast.Name('x', **L)], **L))), 'f', 'exec'))
t(lambda: compile(M(ast.Try([ast.Pass(**L)], [], [], [], **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Raise(None, ast.Name('x', **L), **L)), 'f', 'exec'))
t(lambda: compile(M(ast.ImportFrom('m', [ast.alias('x', **L)], -1, **L)), 'f', 'exec'))
t(lambda: compile(M(ast.Import([], **L)), 'f', 'exec'))
t(lambda: compile(M(E(ast.ListComp(ast.Name('x', **L), [], **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Tuple([None], ast.Load(), **L))), 'f', 'exec'))
t(lambda: compile(M(ast.FunctionDef('f', ast.arguments(), [], **L)), 'f', 'exec'))
t(lambda: compile(M(ast.FunctionDef('f', ast.arguments(defaults=[ast.Constant(1, **L)]), [ast.Pass(**L)], **L)), 'f', 'exec'))
t(lambda: compile(M(ast.AnnAssign(ast.Attribute(ast.Name('a', **L), 'b', ast.Store(), **L), ast.Name('int', **L), None, 1, **L)), 'f', 'exec'))
t(lambda: compile(M(E(ast.NamedExpr(ast.Constant(1, **L), ast.Constant(1, **L), **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Constant(b'x', **L)), E(ast.Constant((1, 2.5, 'a', None), **L))), 'f', 'exec'))
t(lambda: compile(M(E(ast.Name('x', ctx=ast.Load, **L))), 'f', 'exec'))
t(lambda: compile(ast.Expression(ast.Name('x', ast.Del(), **L)), 'f', 'eval'))
t(lambda: compile(ast.Expression(ast.Starred(ast.Name('x', **L), **L)), 'f', 'eval'))
for f in (exec, eval):
    for a in (1, ast.parse('x')):
        try:
            f(a)
        except TypeError as e:
            print(e)
try:
    compile(1, 'f', 'exec')
except TypeError as e:
    print(e)
try:
    compile(1, 'f', 'exec', ast.PyCF_ONLY_AST)
except TypeError as e:
    print(e)
