# The Python part of Taipan's `_struct` module: the `Struct` class and the iterator its
# `iter_unpack` returns, on the native module functions (`pack`, `pack_into`, `unpack`,
# `unpack_from`, `iter_unpack`, `calcsize`). Runs in the module's namespace after those exist.

_pack = pack
_pack_into = pack_into
_unpack = unpack
_unpack_from = unpack_from
_iter_unpack = iter_unpack
_calcsize = calcsize


class unpack_iterator:
    __slots__ = ('_rows', '_left')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_struct.unpack_iterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return next(self._rows)

    def __length_hint__(self):
        return self._left


unpack_iterator.__module__ = '_struct'


def _format_text(format):
    if isinstance(format, str):
        return format
    if isinstance(format, bytes):
        return format.decode('latin-1')
    raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                    % type(format).__name__)


class Struct:
    """Struct(format)

Create a compiled struct object.

Return a new Struct object which writes and reads binary data according
to the format string.

See help(struct) for more on format strings."""

    __slots__ = ('_Struct__fmt', '_Struct__size', '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self.__fmt = None
        self.__size = -1
        return self

    def __init__(self, *args, **kwargs):
        if kwargs:
            if args or set(kwargs) != {'format'}:
                bad = next(k for k in kwargs if k != 'format') if set(kwargs) != {'format'} else 'format'
                raise TypeError("Struct() got an unexpected keyword argument '%s'" % bad)
            args = (kwargs['format'],)
        if not args:
            raise TypeError("Struct() missing required argument 'format' (pos 1)")
        if len(args) > 1:
            raise TypeError('Struct() takes at most 1 argument (%d given)' % len(args))
        text = _format_text(args[0])
        self.__size = _calcsize(text)
        self.__fmt = text

    def __check(self):
        if self.__fmt is None:
            raise RuntimeError('Struct object is not initialized')
        return self.__fmt

    def _fmt_get(self):
        return self.__check()

    def _size_get(self):
        return self.__size

    def _fmt_set(self, value):
        raise AttributeError("attribute 'format' of '_struct.Struct' objects is not writable")

    def _size_set(self, value):
        raise AttributeError("attribute 'size' of '_struct.Struct' objects is not writable")

    def _fmt_del(self):
        raise AttributeError("attribute 'format' of '_struct.Struct' objects is not writable")

    def _size_del(self):
        raise AttributeError("attribute 'size' of '_struct.Struct' objects is not writable")

    format = property(_fmt_get, _fmt_set, _fmt_del, 'struct format string')
    size = property(_size_get, _size_set, _size_del, 'struct size in bytes')
    del _fmt_get, _size_get, _fmt_set, _size_set, _fmt_del, _size_del

    def pack(self, *values):
        """S.pack(v1, v2, ...) -> bytes

Return a bytes object containing values v1, v2, ... packed according
to the format string S.format.  See help(struct) for more on format
strings."""
        return _pack(self.__check(), *values)

    def pack_into(self, *args):
        """S.pack_into(buffer, offset, v1, v2, ...)

Pack the values v1, v2, ... according to the format string S.format
and write the packed bytes into the writable buffer buf starting at
offset.  Note that the offset is a required argument.  See
help(struct) for more on format strings."""
        return _pack_into(self.__check(), *args)

    def unpack(self, *args):
        """Return a tuple containing unpacked values.

Unpack according to the format string Struct.format. The buffer's size
in bytes must be Struct.size.

See help(struct) for more on format strings."""
        if len(args) != 1:
            raise TypeError('Struct.unpack() takes exactly one argument (%d given)' % len(args))
        return _unpack(self.__check(), args[0])

    def unpack_from(self, *args, **kwargs):
        """Return a tuple containing unpacked values.

Values are unpacked according to the format string Struct.format.

The buffer's size in bytes, starting at position offset, must be
at least Struct.size.

See help(struct) for more on format strings."""
        if len(args) + len(kwargs) > 2:
            raise TypeError('unpack_from() takes at most 2 arguments (%d given)'
                            % (len(args) + len(kwargs)))
        for k in kwargs:
            if k not in ('buffer', 'offset'):
                raise TypeError("unpack_from() got an unexpected keyword argument '%s'" % k)
        if args:
            if 'buffer' in kwargs:
                raise TypeError("argument for unpack_from() given by name ('buffer') "
                                "and position (1)")
            buffer = args[0]
        elif 'buffer' in kwargs:
            buffer = kwargs['buffer']
        else:
            raise TypeError("unpack_from() missing required argument 'buffer' (pos 1)")
        if len(args) > 1:
            offset = args[1]
        else:
            offset = kwargs.get('offset', 0)
        return _unpack_from(self.__check(), buffer, offset)

    def iter_unpack(self, *args):
        """Return an iterator yielding tuples.

Tuples are unpacked from the given bytes source, like a repeated
invocation of unpack_from().

Requires that the bytes length be a multiple of the struct size."""
        if len(args) != 1:
            raise TypeError('Struct.iter_unpack() takes exactly one argument (%d given)'
                            % len(args))
        fmt = self.__check()
        rows = _iter_unpack(fmt, args[0])
        it = object.__new__(_unpack_iterator)
        it._rows = rows
        it._left = len(_to_bytes(args[0])) // self.__size if self.__size else 0
        return it

    def __repr__(self):
        return 'Struct(%r)' % (self.__check(),)

    def __reduce__(self):
        raise TypeError("cannot pickle 'Struct' object")

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'Struct' object")


def _to_bytes(buf):
    return memoryview(buf).cast('B') if not isinstance(buf, (bytes, bytearray)) else buf


Struct.__module__ = '_struct'
_unpack_iterator = unpack_iterator
del unpack_iterator
