"""`types.SimpleNamespace` and `sys.implementation`, run once when the interpreter starts.

CPython's `types.py` takes `SimpleNamespace` as `type(sys.implementation)`, so the class has to
exist before any stdlib module loads. It is written in Python here; its module is `types` and
its repr is `namespace(...)`, as CPython's.
"""

import sys

_running = set()


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(
                f'SimpleNamespace expected at most 1 argument, got {len(args)}')
        if args:
            for key, value in dict(args[0]).items():
                if type(key) is not str and not isinstance(key, str):
                    raise TypeError('keywords must be strings')
                setattr(self, key, value)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = ('namespace' if type(self) is SimpleNamespace
                else type(self).__name__)
        key = id(self)
        if key in _running:
            return name + '(...)'
        _running.add(key)
        try:
            fields = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        finally:
            _running.discard(key)
        return f'{name}({fields})'

    def __eq__(self, other):
        # The real types, not what `__class__` claims (CPython's PyObject_TypeCheck).
        if issubclass(type(self), SimpleNamespace) and issubclass(type(other), SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), self.__dict__)

    def __replace__(self, /, **changes):
        result = type(self)()
        result.__dict__.update(self.__dict__)
        result.__dict__.update(changes)
        return result


SimpleNamespace.__module__ = 'types'

sys.implementation = SimpleNamespace(
    name='taipan',
    cache_tag='taipan-314',
    version=sys.version_info,
    hexversion=sys.hexversion,
    _multiarch='x86_64-linux-gnu',
    supports_isolated_interpreters=False,
)


# --- `X | Y` of types: `typing.Union` (`types.UnionType`) -----------------------------------
# `type.__or__`/`__ror__` and the generic alias's `|` call `_make_union` (native side:
# `types/union.rs`).

_GenericAlias = type(list[int])
_NoneType = type(None)


def _is_typing(obj, name):
    t = type(obj)
    return t.__name__ == name and getattr(t, '__module__', None) == 'typing'


def _unionable(x):
    if x is None or isinstance(x, (type, _GenericAlias, Union)):
        return True
    return (_is_typing(x, 'TypeVar') or _is_typing(x, '_SpecialForm')
            or _is_typing(x, 'TypeAliasType')
            or (type(x) is _FunctionType and getattr(x, '__module__', None) == 'typing'))


def _union_args(items):
    """The flattened, deduplicated arguments of a union of `items`, the hashable ones as a
    frozenset and the unhashable ones (deduplicated by equality) as a tuple or None."""
    args = []
    hashable = set()
    unhashable = None
    for item in items:
        for arg in (item.__args__ if type(item) is Union else (item,)):
            if arg is None:
                arg = _NoneType
            try:
                hash(arg)
            except Exception:
                if unhashable is None:
                    unhashable = []
                elif arg in unhashable:
                    continue
                unhashable.append(arg)
            else:
                if arg in hashable:
                    continue
                hashable.add(arg)
            args.append(arg)
    return (tuple(args), frozenset(hashable),
            None if unhashable is None else tuple(unhashable))


def _from_tuple(items):
    args, hashable, unhashable = _union_args(items)
    if len(args) == 1:
        return args[0]
    u = object.__new__(Union)
    object.__setattr__(u, '_args', args)
    object.__setattr__(u, '_hashable', hashable)
    object.__setattr__(u, '_unhashable', unhashable)
    return u


def _make_union(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    return _from_tuple((a, b))


def _arg_repr(arg):
    if arg is ...:
        return '...'
    if arg is _NoneType:
        return 'None'
    if hasattr(arg, '__origin__') and hasattr(arg, '__args__'):
        return repr(arg)
    qualname = getattr(arg, '__qualname__', None)
    module = getattr(arg, '__module__', None)
    if qualname is None or module is None:
        return repr(arg)
    if module == 'builtins':
        return str(qualname)
    return f'{module}.{qualname}'


def _parameters(args):
    # The type variables of `args`, as a generic alias finds them.
    return _GenericAlias(_NoneType, args).__parameters__


class Union:
    """Represent a union type

E.g. for int | str"""

    __slots__ = ('_args', '_hashable', '_unhashable', '_params', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'typing.Union' instances")

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.Union' is not an acceptable base type")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError('Cannot take a Union of no types.')
        import typing
        msg = 'Union[arg, ...]: each arg must be a type.'
        return _from_tuple(tuple(typing._type_check(p, msg) for p in params))

    @property
    def __args__(self):
        return self._args

    @property
    def __parameters__(self):
        try:
            return self._params
        except AttributeError:
            params = _parameters(self._args)
            object.__setattr__(self, '_params', params)
            return params

    @property
    def __origin__(self):
        return Union

    def __getattr__(self, name):
        if name in ('__name__', '__qualname__'):
            return 'Union'
        raise AttributeError(
            f"'typing.Union' object has no attribute '{name}'")

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        items = item if issubclass(type(item), tuple) else (item,)
        for p in params:
            prepare = getattr(p, '__typing_prepare_subst__', None)
            if prepare is not None:
                items = prepare(self, items)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'} arguments"
                            f' for {self!r}; actual {len(items)}, expected {len(params)}')
        subst = dict(zip(params, items))
        new_args = []
        for arg in self._args:
            if isinstance(arg, type):
                new_args.append(arg)
                continue
            substfunc = getattr(arg, '__typing_subst__', None)
            if substfunc is not None:
                new_args.append(substfunc(subst[arg]))
                continue
            sub = getattr(arg, '__parameters__', ())
            if sub:
                new_args.append(arg[tuple(subst[x] for x in sub)])
            else:
                new_args.append(arg)
        return _from_tuple(tuple(new_args))

    # Subscription only: CPython's union has no sequence protocol, so it is not iterable.
    __iter__ = None

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')

    def __or__(self, other):
        return _make_union(self, other)

    def __ror__(self, other):
        return _make_union(other, self)

    def __repr__(self):
        return ' | '.join(_arg_repr(a) for a in self._args)

    def __eq__(self, other):
        if type(other) is not Union:
            return NotImplemented
        if self._hashable != other._hashable:
            return False
        a, b = self._unhashable, other._unhashable
        if a is None or b is None:
            return a is b
        return (len(a) == len(b) and all(x in b for x in a) and all(x in a for x in b))

    def __hash__(self):
        # Unions with unhashable arguments are unhashable: equal unions must hash alike.
        if self._unhashable is not None:
            for arg in self._unhashable:
                hash(arg)
            raise TypeError(f'union contains {len(self._unhashable)} unhashable elements')
        return hash(self._hashable)

    # As a tuple of its arguments: each answers for itself, the first match wins (a generic
    # alias raises only when reached).
    def __instancecheck__(self, obj):
        return isinstance(obj, self._args)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._args)


Union.__module__ = 'typing'
_FunctionType = type(_unionable)
