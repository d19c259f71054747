# The Python part of Taipan's `zlib` module: the signatures of the public functions and the
# classes `Compress`, `Decompress` and `_ZlibDecompressor`. Each object holds its zlib stream
# in a native handle (`_h`); the work is done by the native `_...` functions of `zlib.rs`.

_new = object.__new__
_NO_ZDICT = object()


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    """Returns a bytes object containing compressed data.

      data
        Binary data to be compressed.
      level
        Compression level, in 0-9 or -1.
      wbits
        The window buffer size and container format."""
    return _compress(data, level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Returns a bytes object containing the uncompressed data.

      data
        Compressed data.
      wbits
        The window buffer size and container format.
      bufsize
        The initial output buffer size."""
    return _decompress(data, wbits, bufsize)


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    """Return a compressor object."""
    c = _new(Compress)
    c._h = _compressobj(level, method, wbits, memLevel, strategy, zdict)
    return c


def decompressobj(wbits=MAX_WBITS, zdict=_NO_ZDICT):
    """Return a decompressor object."""
    d = _new(Decompress)
    d._h = _decompressobj(wbits, None if zdict is _NO_ZDICT else zdict)
    return d


class Compress:
    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Compress' instances")

    def compress(self, data, /):
        """Returns a bytes object containing compressed data."""
        return _c_compress(self._h, data)

    def flush(self, mode=Z_FINISH, /):
        """Return a bytes object containing any remaining compressed data."""
        return _c_flush(self._h, mode)

    def copy(self):
        """Return a copy of the compression object."""
        c = _new(Compress)
        c._h = _copy(self._h)
        return c

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


class Decompress:
    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Decompress' instances")

    def decompress(self, data, /, max_length=0):
        """Return a bytes object containing the decompressed version of the data."""
        return _d_decompress(self._h, data, max_length)

    def flush(self, length=DEF_BUF_SIZE, /):
        """Return a bytes object containing any remaining decompressed data."""
        return _d_flush(self._h, length)

    def copy(self):
        """Return a copy of the decompression object."""
        d = _new(Decompress)
        d._h = _copy(self._h)
        return d

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo, /):
        return self.copy()

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    @property
    def unused_data(self):
        return _d_state(self._h)[0]

    @property
    def unconsumed_tail(self):
        return _d_state(self._h)[1]

    @property
    def eof(self):
        return _d_state(self._h)[2]


class _ZlibDecompressor:
    """Create a decompressor object for decompressing data incrementally."""
    __slots__ = ('_h',)

    def __new__(cls, wbits=MAX_WBITS, zdict=None):
        self = _new(cls)
        self._h = _zd_new(wbits, zdict)
        return self

    def decompress(self, data, max_length=-1):
        """Decompress *data*, returning uncompressed data as bytes."""
        return _zd_decompress(self._h, data, max_length)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    @property
    def eof(self):
        """True if the end-of-stream marker has been reached."""
        return _zd_state(self._h)[0]

    @property
    def unused_data(self):
        """Data found after the end of the compressed stream."""
        return _zd_state(self._h)[1]

    @property
    def needs_input(self):
        """True if more input is needed before more decompressed data can be produced."""
        return _zd_state(self._h)[2]


for _c in (Compress, Decompress, _ZlibDecompressor):
    _c.__module__ = 'zlib'
for _f in (compress, decompress, compressobj, decompressobj):
    _f.__module__ = 'zlib'
del _c, _f
