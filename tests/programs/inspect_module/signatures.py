# inspect: signature and Parameter, the is* predicates, getmembers, getsource, getdoc.
import inspect


def f(a, b: int = 1, /, c=2, *args, d, e: str = 'x', **kw) -> bool:
    """Doc of f.

    More."""
    return True


class A:
    """A class."""
    x = 1

    def m(self, y, *, z=3):
        return y

    @classmethod
    def c(cls):
        pass

    @staticmethod
    def s(q):
        pass

    @property
    def p(self):
        return 1


sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation)
print(inspect.signature(A.m), inspect.signature(A().m), inspect.signature(A.c), inspect.signature(A.s))
print(inspect.signature(lambda x, y=2: 0))
print(inspect.signature(type("B", (), {"__init__": lambda self, q, r=1: None})))
b = sig.bind(1, 2, 3, 4, d=5, zz=6)
print(b.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print('TypeError', e)
print(inspect.isfunction(f), inspect.isfunction(A.m), inspect.ismethod(A().m), inspect.isclass(A),
      inspect.ismodule(inspect), inspect.isbuiltin(len), inspect.isgeneratorfunction(f),
      inspect.iscoroutinefunction(f), inspect.isroutine(len))
print([n for n, _ in inspect.getmembers(A) if not n.startswith('__')])
print([n for n, _ in inspect.getmembers(A, inspect.isfunction)])
print(inspect.getdoc(f))
print(inspect.getdoc(A))
print(inspect.getsource(f))
print(inspect.getsource(A.m))
P = inspect.Parameter
print(inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY, default=1)]))
try:
    inspect.Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)])
except ValueError as e:
    print('ValueError', e)
print(inspect.getfullargspec(f))
print(inspect.unwrap(f) is f, inspect.getmodule(f).__name__)
print(inspect.cleandoc('  a\n    b\n  c'))
