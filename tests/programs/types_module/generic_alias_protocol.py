# types.GenericAlias: parameters, substitution, attribute forwarding, calls, pickling, dir(),
# subclasses, weak references.
import copy
import pickle
import types
import typing
import weakref
import collections.abc as cabc
from typing import TypeVar, ParamSpec, TypeVarTuple

T = TypeVar('T'); K = TypeVar('K'); P = ParamSpec('P'); Ts = TypeVarTuple('Ts')


def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


t('params', lambda: dict[K, T].__parameters__)
t('params nested', lambda: list[dict[K, T]].__parameters__)
t('params list arg', lambda: list[[T]].__parameters__)
t('params tuple arg', lambda: list[(T, int)].__parameters__)
t('subst', lambda: dict[str, T][int])
t('subst nested', lambda: dict[K, list[T]][str, int])
t('subst list arg', lambda: list[[T]][str])
t('not generic', lambda: list[int][str])
t('too few', lambda: dict[K, T][int])
t('too many', lambda: list[T][int, str])
t('typevartuple', lambda: (tuple[*Ts][int, str], tuple[T, *Ts][int], tuple[*Ts].__parameters__))
t('unpacked subst', lambda: tuple[T, *tuple[int, ...]][str])
t('paramspec', lambda: cabc.Callable[P, T][[int, str], bool])
t('callable args', lambda: cabc.Callable[[int], str].__args__)
t('callable ellipsis', lambda: cabc.Callable[..., str])
t('callable subst', lambda: cabc.Callable[[T], K][int, str])
t('callable origin', lambda: typing.get_origin(cabc.Callable[[int], str]))
t('union params', lambda: ((int | list[T]).__parameters__, (int | list[T])[str]))

t('repr', lambda: (repr(dict[str, list[int]]), repr(list[...]), repr(tuple[()]), repr(list[None])))
t('repr list arg', lambda: repr(list[[int, str]]))


class M:
    pass


t('repr classes', lambda: (repr(list[M]), repr(list[len]), repr(list[1]), repr(list['x'])))

lst = []


class Shrinks:
    def __repr__(self):
        lst.clear()
        return 'x'


lst += [Shrinks(), 1]
t('evil repr', lambda: repr(types.GenericAlias(int, lst)))

a = list[int]
for n in ('__bases__', '__copy__', '__deepcopy__', '__name__', '__qualname__', '__module__',
          'append', '__class__'):
    t('attr ' + n, lambda: getattr(a, n))
t('setattr', lambda: setattr(list[int], 'x', 1))
t('class', lambda: (type(list[int]).__name__, type(list[int]).__qualname__,
                    type(list[int]).__module__))
t('dir', lambda: (set(dir(list)) <= set(dir(a)), '__origin__' in dir(a), '__bases__' in dir(a)))

t('call', lambda: list[int]([1, 2]))


class C:
    pass


t('orig_class', lambda: types.GenericAlias(C, (int,))().__orig_class__)
t('isinstance', lambda: isinstance([], list[int]))
t('issubclass', lambda: issubclass(list, list[int]))
t('or', lambda: list[int] | None)
t('eq', lambda: (list[int] == list[int], list[int] == list[str], list[int] != list,
                 list[int] != list[int]))
t('hash', lambda: hash(list[int]) == hash(list[int]))
t('new', lambda: types.GenericAlias(list, int))
t('new kw', lambda: types.GenericAlias(list, (int,), x=1))
t('new count', lambda: types.GenericAlias(list))
t('mro type()', lambda: type('X', (list[int],), {}))
t('mro entries', lambda: list[int].__mro_entries__((object,)))


class Sub(list[int]):
    pass


t('subclass of alias', lambda: Sub.__mro__)

t('reduce', lambda: list[int].__reduce__())
t('reduce_ex', lambda: list[int].__reduce_ex__(2))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for alias in (dict[str, int], list[T], (*tuple[int, ...],)[0], typing.Unpack[tuple[int]]):
        t(f'pickle {proto}', lambda: (pickle.loads(pickle.dumps(alias, proto)) == alias))
t('copy', lambda: (copy.copy(list[int]) == list[int], copy.deepcopy(list[T])))
it = iter(tuple[int])
t('iter', lambda: (type(it).__name__, it.__reduce__()))
t('iter next', lambda: (next(it), it.__reduce__()))
t('starred', lambda: (repr((*tuple[int, str],)[0]), (*tuple[int],)[0].__unpacked__))
t('ellipsis pickle', lambda: (....__reduce__(), NotImplemented.__reduce__(),
                              pickle.loads(pickle.dumps(...)), pickle.loads(pickle.dumps(NotImplemented))))

r = weakref.ref(a)
t('weakref', lambda: r() is a)
u = int | str
t('union weakref', lambda: weakref.ref(u)() is u)


class A(types.GenericAlias):
    x = 5

    def meth(self):
        return 1


class B(types.GenericAlias):
    __slots__ = ()


for cls in (A, B):
    g = cls(list, (int,))
    t(cls.__name__ + ' attrs', lambda: (g.__origin__, g.__args__, g.__parameters__, repr(g)))
    t(cls.__name__ + ' forwarded', lambda: (g.append, g.__name__))
    t(cls.__name__ + ' own attr', lambda: g.x)
t('chain', lambda: __import__('itertools').chain[int])
t('template', lambda: __import__('string.templatelib').templatelib.Template[int])
