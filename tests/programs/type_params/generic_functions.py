# PEP 695 type parameters on functions: the TypeVar/ParamSpec/TypeVarTuple objects the
# compiler's intrinsics build, their laziness, defaults and reprs.

def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([3, 4]))
params = first.__type_params__
print(params, type(params[0]).__name__, type(params[0]).__module__)
T = params[0]
print(T.__name__, T.__bound__, T.__constraints__, T.__default__, T.has_default())
print(T.__covariant__, T.__contravariant__, T.__infer_variance__)
print(repr(T), T.__module__)


def bounded[S: int, C: (str, bytes), *Ts, **P](s: S, c: C) -> None:
    pass

S, C, Ts, P = bounded.__type_params__
print(S, S.__bound__, S.__constraints__)
print(C, C.__bound__, C.__constraints__)
print(Ts, type(Ts).__name__, Ts.__name__)
print(P, type(P).__name__, P.args, P.kwargs, P.args.__origin__ is P)
print(P.args == P.args, P.kwargs == P.args)
print(bounded.__annotations__)

# Bounds are evaluated lazily, on first access, then cached.
calls = []
def note(x):
    calls.append(x)
    return x

def lazy[X: note(int)]():
    pass

print(calls)
X = lazy.__type_params__[0]
print(X.__bound__, calls)
print(X.__bound__, calls)
print(X.evaluate_bound(1))


# Defaults (PEP 696).
def with_default[D = str, *Vs = tuple[int, ...], **Q = [int, str]]():
    pass

D, Vs, Q = with_default.__type_params__
print(D.has_default(), D.__default__, Vs.__default__, Q.__default__)
print(T.evaluate_default, D.evaluate_default(1))

def no_params():
    pass
print(no_params.__type_params__)


# Nested generic functions see the outer parameters.
def outer[A]():
    def inner[B](a: A, b: B):
        pass
    return inner

inner = outer()
print(inner.__type_params__, inner.__annotations__)

# Unions with type parameters.
print(T | int, int | T, T | None)
print(list[T], dict[str, T])

# Type parameters cannot be subclassed or given a non-str name.
for p in (T, P, Ts):
    try:
        class Bad(p):
            pass
    except TypeError as e:
        print(e)

from typing import TypeVar, ParamSpec, TypeVarTuple
for cls in (TypeVar, ParamSpec, TypeVarTuple):
    try:
        class Sub(cls):
            pass
    except TypeError as e:
        print(e)
print(type(T) is TypeVar, type(P) is ParamSpec, type(Ts) is TypeVarTuple)
