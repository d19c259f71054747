# The pure-Python helpers of ast.py on top of _ast: literal_eval, NodeVisitor/NodeTransformer,
# walk, get_docstring, fix_missing_locations, increment_lineno, copy_location, iter_fields,
# get_source_segment, compare, match on nodes, copy/deepcopy.
import ast
import copy

print(ast.literal_eval("[1, -2.5, 3j, 'a', b'b', (None, True), {1: {2, 3}}, -1+2j, ...]"))
print(ast.literal_eval(ast.parse('{"k": [1, 2]}', mode='eval')))
print(ast.literal_eval('  +5'), ast.literal_eval('set()'))
for bad in ['x', 'f(1)', '1 + x', '[1, 2][0]', '{1: 2}[1]', 'a.b', '1 +', '--1j' * 0 + '(1)(2)']:
    try:
        print(ast.literal_eval(bad))
    except (ValueError, SyntaxError, TypeError) as e:
        print(type(e).__name__, e)

src = '''\
"""Module doc."""
def f(a, b):
    """Function doc.

       Indented."""
    return a + b * 2

class C:
    def m(self):
        x = [i for i in range(3)]
        return x
'''
tree = ast.parse(src)
# clean=True (the default) needs inspect.cleandoc
print(ast.get_docstring(tree, clean=False), '|', ast.get_docstring(tree.body[1], clean=False))
print(ast.get_docstring(tree.body[2], clean=False))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print(list(ast.iter_fields(tree.body[1]))[0], [type(n).__name__ for n in ast.iter_child_nodes(tree.body[1])])
print(ast.get_source_segment(src, tree.body[1].body[1].value))
print(ast.get_source_segment(src, tree.body[2], padded=True)[:30])


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self.names.append(('def', node.name))
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.names)


class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'a':
            return ast.copy_location(ast.Name('alpha', node.ctx), node)
        return node

    def visit_arg(self, node):
        if node.arg == 'a':
            node.arg = 'alpha'
        return node

    def visit_Expr(self, node):
        return None  # drop docstrings and expression statements


new = ast.fix_missing_locations(Rename().visit(copy.deepcopy(tree)))
print(ast.dump(new.body[0]))
ns = {}
exec(compile(new, '<renamed>', 'exec'), ns)
print(ns['f'](1, 2), ns['C']().m())
print(ast.compare(tree, ast.parse(src)), ast.compare(tree, new))

t = ast.parse('x = 1\ny = 2')
ast.increment_lineno(t, 10)
print([(s.lineno, s.end_lineno, s.targets[0].lineno) for s in t.body])

m = ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))], [])
ast.fix_missing_locations(m)
print(ast.dump(m, include_attributes=True))
print(eval(compile(ast.Expression(m.body[0].value), '<e>', 'eval')))

c = copy.copy(tree.body[1])
print(c is not tree.body[1], c.body is tree.body[1].body, c.name)
d = copy.deepcopy(tree)
print(ast.dump(d) == ast.dump(tree), d.body[1].body is not tree.body[1].body)

for node in ast.parse('print(1); x.y = [a, *b]; del z').body:
    match node:
        case ast.Expr(ast.Call(ast.Name(id=fn), args=[ast.Constant(value=v)])):
            print('call', fn, v)
        case ast.Assign(targets=[ast.Attribute(value=ast.Name(id=obj), attr=attr)], value=ast.List(elts=elts)):
            print('setattr', obj, attr, len(elts))
        case ast.Delete(targets=[ast.Name(id=name, ctx=ast.Del())]):
            print('del', name)
