# The Python part of Taipan's `_testlimitedcapi`: the few helpers of CPython's limited-C-API
# test module that the test suite calls on ordinary objects (the abstract sequence protocol:
# `PySequence_GetItem`/`SetItem`/`DelItem`, which adjust a negative index by the length once and
# then call the type's item slot) and `_py_getbuiltwithassert`. Runs in a private namespace.

_BUILTIN_SEQUENCES = (list, tuple, bytes, bytearray, str, range, memoryview)


def _index(i):
    if not isinstance(i, int):
        i = type(i).__index__(i)
    return int(i)


def _adjust(seq, i):
    if i < 0:
        try:
            n = len(seq)
        except TypeError:
            return i
        i += n
    if i < 0:
        for base in _BUILTIN_SEQUENCES:
            if isinstance(seq, base):
                name = 'bytearray' if base is bytearray else base.__name__
                if base is str:
                    name = 'string'
                raise IndexError(f"{name} index out of range")
    return i


def _check(seq, attr, verb):
    t = type(seq)
    if isinstance(seq, dict):
        raise TypeError(f"{t.__name__} is not a sequence")
    if getattr(t, attr, None) is None:
        raise TypeError(f"'{t.__name__}' object does not support {verb}")


def sequence_getitem(seq, i, /):
    i = _index(i)
    _check(seq, '__getitem__', 'indexing')
    return type(seq).__getitem__(seq, _adjust(seq, i))


def sequence_setitem(seq, i, value, /):
    i = _index(i)
    _check(seq, '__setitem__', 'item assignment')
    type(seq).__setitem__(seq, _adjust(seq, i), value)


def sequence_delitem(seq, i, /):
    i = _index(i)
    _check(seq, '__delitem__', 'item deletion')
    type(seq).__delitem__(seq, _adjust(seq, i))


def _py_getbuiltwithassert():
    return 0
