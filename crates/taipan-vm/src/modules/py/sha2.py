# The Python part of Taipan's `_sha2` module: the SHA-224/256/384/512 hash objects. They keep
# the bytes fed so far and hash them with the native `_digest(bits, data)` when asked.

_GIL_MINSIZE = 2048


def _bytes_of(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(
            f"object supporting the buffer API required") from None


def _make(bits, digest_size, block_size):
    name = f'sha{bits}'
    qual = f'SHA{bits}Type'

    class _Hash:
        __slots__ = ('_data',)

        def __new__(cls, *args, **kwargs):
            raise TypeError(f"cannot create '_sha2.{qual}' instances")

        def update(self, obj, /):
            self._data += _bytes_of(obj)

        def digest(self):
            return _digest(bits, bytes(self._data))

        def hexdigest(self):
            return _digest(bits, bytes(self._data)).hex()

        def copy(self):
            h = _new(_Hash)
            h._data = bytearray(self._data)
            return h

        @property
        def name(self):
            return name

        @property
        def digest_size(self):
            return digest_size

        @property
        def block_size(self):
            return block_size

    _Hash.__name__ = _Hash.__qualname__ = qual
    _Hash.__module__ = '_sha2'

    def constructor(data=None, *, usedforsecurity=True, string=None):
        if data is not None and string is not None:
            raise TypeError("'data' and 'string' are mutually exclusive "
                            "and support for 'string' keyword parameter "
                            "is slated for removal in a future version.")
        if data is None:
            data = string
        h = _new(_Hash)
        h._data = bytearray()
        if data is not None:
            h._data += _bytes_of(data)
        return h

    constructor.__name__ = constructor.__qualname__ = name
    constructor.__module__ = '_sha2'
    return _Hash, constructor


_new = object.__new__
SHA224Type, sha224 = _make(224, 28, 64)
SHA256Type, sha256 = _make(256, 32, 64)
SHA384Type, sha384 = _make(384, 48, 128)
SHA512Type, sha512 = _make(512, 64, 128)
del _make
