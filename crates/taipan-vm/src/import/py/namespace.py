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
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
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


def _unionable(x):
    return x is None or isinstance(x, (type, _GenericAlias, Union))


def _union_args(items):
    args = []
    for item in items:
        for arg in (item.__args__ if type(item) is Union else (item,)):
            if arg is None:
                arg = _NoneType
            if arg not in args:
                args.append(arg)
    return tuple(args)


def _make_union(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = _union_args((a, b))
    if len(args) == 1:
        return args[0]
    u = object.__new__(Union)
    object.__setattr__(u, '__args__', args)
    return u


def _arg_repr(arg):
    if arg is _NoneType:
        return 'None'
    if isinstance(arg, type) and type(arg) is not _GenericAlias:
        if arg.__module__ == 'builtins':
            return arg.__qualname__
        return f'{arg.__module__}.{arg.__qualname__}'
    return repr(arg)


class Union:
    """Represent a union type

E.g. for int | str"""

    def __or__(self, other):
        return _make_union(self, other)

    def __ror__(self, other):
        return _make_union(other, self)

    def __repr__(self):
        return ' | '.join(_arg_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if type(other) is not Union:
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)

    @property
    def __parameters__(self):
        return ()

    @property
    def __origin__(self):
        return Union


Union.__module__ = 'typing'
