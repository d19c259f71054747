# Struct sequences for Taipan's native modules (`os.stat_result`, `time.struct_time`,
# `os.terminal_size`, ...), written in Python: tuple subclasses whose items are also reachable
# by name, with hidden (attribute-only) fields past the sequence part, CPython's constructor
# checks, repr, pickling support and `__replace__`.

_tuple_new = tuple.__new__
_tuple_getitem = tuple.__getitem__
_object_setattr = object.__setattr__


class _Field:
    __slots__ = ('name', 'index', 'hidden')

    def __init__(self, name, index, hidden):
        self.name = name
        self.index = index
        self.hidden = hidden

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        if self.hidden:
            return obj.__dict__[self.name]
        return _tuple_getitem(obj, self.index)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


def make(module, name, fields, n_sequence, repr_names=None, fixup=None):
    """A struct-sequence type `module.name`: `fields` lists every field (None for an unnamed
    one), the first `n_sequence` of them are the tuple's items."""
    n_fields = len(fields)
    qual = f'{module}.{name}'
    visible = tuple(f for f in fields[:n_sequence] if f is not None)
    if repr_names is None:
        repr_names = visible
    hidden = tuple(fields[n_sequence:])

    def __new__(cls, sequence, dict=None):
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        if dict is not None and type(dict) is not _dict_type:
            raise TypeError(f'{qual}() takes a dict as second arg, if any')
        n = len(seq)
        if n < n_sequence:
            if n_sequence == n_fields:
                raise TypeError(f'{qual}() takes a {n_sequence}-sequence ({n}-sequence given)')
            raise TypeError(
                f'{qual}() takes an at least {n_sequence}-sequence ({n}-sequence given)')
        if n > n_fields:
            if n_sequence == n_fields:
                raise TypeError(f'{qual}() takes a {n_sequence}-sequence ({n}-sequence given)')
            raise TypeError(
                f'{qual}() takes an at most {n_fields}-sequence ({n}-sequence given)')
        self = _tuple_new(cls, seq[:n_sequence])
        d = self.__dict__
        for i, f in enumerate(hidden, n_sequence):
            if i < n:
                d[f] = seq[i]
            elif dict is not None:
                d[f] = dict.get(f)
            else:
                d[f] = None
        if fixup is not None:
            fixup(self, d)
        return self

    def __repr__(self):
        parts = ', '.join(f'{n}={v!r}' for n, v in zip(repr_names, self))
        return f'{qual}({parts})'

    def __reduce__(self):
        d = self.__dict__
        return (type(self), (tuple(self), {f: d[f] for f in hidden}))

    def __replace__(self, /, **kwargs):
        items = list(self)
        d = self.__dict__
        extra = [d[f] for f in hidden]
        for i, f in enumerate(fields):
            if f is not None and f in kwargs:
                v = kwargs.pop(f)
                if i < n_sequence:
                    items[i] = v
                else:
                    extra[i - n_sequence] = v
        if kwargs:
            names = ', '.join(repr(k) for k in kwargs)
            raise TypeError(f'{name}.__replace__() got unexpected keyword arguments: {names}')
        if any(f is None for f in fields):
            raise TypeError(f'__replace__() is not supported')
        return type(self)(items + extra)

    def __setattr__(self, attr, value):
        if attr in fields:
            raise AttributeError('readonly attribute')
        raise AttributeError(f"'{qual}' object has no attribute '{attr}'")

    def __init_subclass__(cls, **kwargs):
        raise TypeError(f"type '{qual}' is not an acceptable base type")

    ns = {
        '__module__': module,
        '__qualname__': name,
        '__new__': __new__,
        '__repr__': __repr__,
        '__reduce__': __reduce__,
        '__replace__': __replace__,
        '__setattr__': __setattr__,
        '__init_subclass__': classmethod(__init_subclass__),
        '__match_args__': visible,
        'n_fields': n_fields,
        'n_sequence_fields': n_sequence,
        'n_unnamed_fields': sum(1 for f in fields if f is None),
    }
    for i, f in enumerate(fields):
        if f is not None:
            ns[f] = _Field(f, i, i >= n_sequence)
    return type(name, (tuple,), ns)


_dict_type = dict
