# The `_ast` module for Taipan, part 1 (written in Python): the `AST` base class (constructor
# rules of 3.13+, `__reduce__`, `__replace__`, `__repr__`) and the `PyCF_*` flags.
# `ast_nodes.py` (generated) follows with the node classes; the conversion between these objects
# and the compiler's tree is native (`modules/ast.rs`).

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_OPTIMIZED_AST = 33792


def _tp_name(cls):
    return 'ast.AST' if cls is AST else cls.__name__


def _default_for(tp):
    """The value a missing field gets from its `_field_types` entry, or `_MISSING`."""
    if type(tp).__name__ in ('Union', 'UnionType') and type(None) in tp.__args__:
        return None
    if type(tp).__name__ == 'GenericAlias' and tp.__origin__ is list:
        return []
    if tp is expr_context:
        return Load()
    return _MISSING


_MISSING = object()


class AST:
    __module__ = 'ast'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        from _warnings import warn
        cls = type(self)
        name = _tp_name(cls)
        fields = getattr(cls, '_fields', None)
        if fields is None:
            fields = ()
        fields = tuple(fields)
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{cls.__name__} constructor takes at most {n} positional "
                            f"argument{'' if n == 1 else 's'}")
        for f, v in zip(fields, args):
            setattr(self, f, v)
        attributes = getattr(cls, '_attributes', ()) or ()
        for k, v in kwargs.items():
            if k in fields:
                if fields.index(k) < len(args):
                    raise TypeError(f"{cls.__name__} got multiple values for argument {k!r}")
            elif k not in attributes:
                warn(f"{name}.__init__ got an unexpected keyword argument {k!r}. Support "
                     f"for arbitrary keyword arguments is deprecated and will be removed "
                     f"in Python 3.15.", DeprecationWarning, 2)
            setattr(self, k, v)
        missing = [f for f in fields[len(args):] if f not in kwargs]
        if not missing:
            return
        try:
            types = cls._field_types
        except AttributeError:
            return
        for f in missing:
            if f not in types:
                warn(f"Field {f!r} is missing from {name}._field_types. This will become "
                     f"an error in Python 3.15.", DeprecationWarning, 2)
                continue
            d = _default_for(types[f])
            if d is _MISSING:
                warn(f"{name}.__init__ missing 1 required positional argument: {f!r}. "
                     f"This will become an error in Python 3.15.", DeprecationWarning, 2)
                continue
            setattr(self, f, d)

    def __reduce__(self):
        cls = type(self)
        d = getattr(self, '__dict__', None)
        if d is None:
            return cls, ()
        types = getattr(cls, '_field_types', None) or {}
        state = {}
        for k, v in d.items():
            if v is None and k in types and _default_for(types[k]) is None:
                continue
            state[k] = v
        n = 0
        for f in getattr(cls, '_fields', ()) or ():
            if f not in state:
                break
            n += 1
        return cls, (None,) * n, state

    def __replace__(self, /, *args, **kwargs):
        if args:
            raise TypeError("__replace__() takes no positional arguments")
        cls = type(self)
        name = _tp_name(cls)
        fields = tuple(getattr(cls, '_fields', ()) or ())
        attributes = tuple(getattr(cls, '_attributes', ()) or ())
        for k in kwargs:
            if k not in fields and k not in attributes:
                raise TypeError(f"{name}.__replace__ got an unexpected keyword argument {k!r}.")
        new = {}
        missing = []
        types = getattr(cls, '_field_types', None) or {}
        for f in fields + attributes:
            if f in kwargs:
                new[f] = kwargs[f]
                continue
            try:
                new[f] = getattr(self, f)
            except AttributeError:
                if f in fields and (f not in types or _default_for(types[f]) is _MISSING):
                    missing.append(f)
        if missing:
            n = len(missing)
            names = ', '.join(repr(m) for m in missing[:-1])
            names = (names + ' and ' if names else '') + repr(missing[-1])
            raise TypeError(f"{name}.__replace__ missing {n} keyword argument"
                            f"{'' if n == 1 else 's'}: {names}.")
        return cls(**new)

    def __repr__(self):
        return _repr(self, 0, set())


def _repr_value(v, depth, active):
    if isinstance(v, AST):
        return _repr(v, depth + 1, active)
    if isinstance(v, list):
        if not v:
            return '[]'
        items = [v[0], v[-1]] if len(v) > 2 else v
        parts = [_repr(x, depth + 1, active) if isinstance(x, AST) else repr(x) for x in items]
        if len(v) > 2:
            parts.insert(1, '...')
        return '[' + ', '.join(parts) + ']'
    return repr(v)


def _repr(node, depth, active):
    name = _tp_name(type(node))
    if depth >= 3 or id(node) in active:
        return f'{name}(...)'
    active.add(id(node))
    try:
        parts = []
        for f in getattr(type(node), '_fields', ()) or ():
            v = getattr(node, f)
            parts.append(f'{f}={_repr_value(v, depth, active)}')
        return f"{name}({', '.join(parts)})"
    finally:
        active.discard(id(node))
