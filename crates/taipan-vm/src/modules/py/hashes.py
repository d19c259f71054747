# The Python part of Taipan's hash modules `_md5`, `_sha1`, `_sha2`, `_sha3` and `_blake2`: the hash
# classes and their signatures. Each object holds its hash state in a native handle (`_h`)
# that the native `_new`/`_new_blake2`/`_update`/`_digest`/`_copy` of `hashes.rs` work on.
# The module's own part (a line per class) follows this source, then `_cleanup()`.

_GIL_MINSIZE = 2048
_new_obj = object.__new__


def _data_arg(fname, args, kwargs, allowed=('usedforsecurity', 'string')):
    """The data to hash from a constructor's arguments, checked in CPython's order:
    positional count, `data` given twice, unknown keywords, `data` with `string`."""
    if len(args) > 1:
        raise TypeError(f"{fname}() takes at most 1 positional argument ({len(args)} given)")
    if args and 'data' in kwargs:
        raise TypeError(f"argument for {fname}() given by name ('data') and position (1)")
    for k in kwargs:
        if k != 'data' and k not in allowed:
            raise TypeError(f"{fname}() got an unexpected keyword argument '{k}'")
    data = args[0] if args else kwargs.get('data')
    string = kwargs.get('string')
    if data is not None and string is not None:
        raise TypeError("'data' and 'string' are mutually exclusive "
                        "and support for 'string' keyword parameter "
                        "is slated for removal in a future version.")
    return string if data is None else data


def _no_subclass(modname, typename):
    def __init_subclass__(cls, /, **kwargs):
        raise TypeError(f"type '{modname}.{typename}' is not an acceptable base type")
    return classmethod(__init_subclass__)


class _HashBase:
    __slots__ = ('_h',)

    def update(self, obj, /):
        """Update this hash object's state with the provided string."""
        _update(self._h, obj)

    def copy(self):
        """Return a copy of the hash object."""
        c = _new_obj(type(self))
        c._h = _copy(self._h)
        return c

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


def _plain(modname, hashname, digest_size, block_size, typename=None):
    """The type and the constructor function of an md5/sha1/sha2 hash."""
    typename = typename or hashname

    class _Hash(_HashBase):
        __slots__ = ()

        def __new__(cls, *args, **kwargs):
            raise TypeError(f"cannot create '{modname}.{typename}' instances")

        def digest(self):
            """Return the digest value as a bytes object."""
            return _digest(self._h, 0)

        def hexdigest(self):
            """Return the digest value as a string of hexadecimal digits."""
            return _digest(self._h, 0).hex()

        name = property(lambda self: hashname)
        digest_size = property(lambda self: digest_size)
        block_size = property(lambda self: block_size)

    _Hash.__init_subclass__ = _no_subclass(modname, typename)
    _Hash.__name__ = _Hash.__qualname__ = typename
    _Hash.__module__ = modname

    def constructor(*args, **kwargs):
        data = _data_arg(hashname, args, kwargs)
        h = _new_obj(_Hash)
        h._h = _new(hashname, data)
        return h

    constructor.__name__ = constructor.__qualname__ = hashname
    constructor.__module__ = modname
    return _Hash, constructor


def _sha3(name, digest_size, block_size):
    """A `_sha3` type (SHA-3 or SHAKE): the type is its own constructor."""
    shake = name.startswith('shake')

    class _Hash(_HashBase):
        __slots__ = ()

        def __new__(cls, *args, **kwargs):
            # All the _sha3 types share CPython's one `sha3_224` constructor, and its name.
            data = _data_arg('sha3_224', args, kwargs)
            self = _new_obj(cls)
            self._h = _new(name, data)
            return self

        name = property(lambda self: name)
        digest_size = property(lambda self: digest_size)
        block_size = property(lambda self: block_size)
        _rate_bits = property(lambda self: block_size * 8)
        _capacity_bits = property(lambda self: 1600 - block_size * 8)
        _suffix = property(lambda self: b'\x1f' if shake else b'\x06')

        if shake:
            def digest(self, *args, **kwargs):
                """Return the digest value as a bytes object."""
                return _digest(self._h, _length_arg('digest', args, kwargs))

            def hexdigest(self, *args, **kwargs):
                """Return the digest value as a string of hexadecimal digits."""
                return _digest(self._h, _length_arg('hexdigest', args, kwargs)).hex()
        else:
            def digest(self):
                """Return the digest value as a bytes object."""
                return _digest(self._h, 0)

            def hexdigest(self):
                """Return the digest value as a string of hexadecimal digits."""
                return _digest(self._h, 0).hex()

    _Hash.__init_subclass__ = _no_subclass('_sha3', name)
    _Hash.__name__ = _Hash.__qualname__ = name
    _Hash.__module__ = '_sha3'
    return _Hash


def _length_arg(fname, args, kwargs):
    n = len(args) + len(kwargs)
    for k in kwargs:
        if k != 'length':
            raise TypeError(f"{fname}() got an unexpected keyword argument '{k}'")
    if len(args) > 1 or n > 1:
        if args and kwargs:
            raise TypeError(f"argument for {fname}() given by name ('length') and position (1)")
        raise TypeError(f"{fname}() takes at most 1 argument ({n} given)")
    if args:
        return args[0]
    if 'length' in kwargs:
        return kwargs['length']
    raise TypeError(f"{fname}() missing required argument 'length' (pos 1)")


_BLAKE2_DEFAULTS = {'key': b'', 'salt': b'', 'person': b'', 'fanout': 1, 'depth': 1,
                    'leaf_size': 0, 'node_offset': 0, 'node_depth': 0, 'inner_size': 0,
                    'last_node': False}
_BLAKE2_KEYWORDS = ('digest_size', 'usedforsecurity', 'string', *_BLAKE2_DEFAULTS)


def _blake2(is_b):
    name = 'blake2b' if is_b else 'blake2s'
    max_size = 64 if is_b else 32
    salt_size = 16 if is_b else 8

    class _Hash(_HashBase):
        __slots__ = ()
        SALT_SIZE = salt_size
        PERSON_SIZE = salt_size
        MAX_KEY_SIZE = max_size
        MAX_DIGEST_SIZE = max_size

        def __new__(cls, *args, **kwargs):
            data = _data_arg(name, args, kwargs, _BLAKE2_KEYWORDS)
            p = dict(_BLAKE2_DEFAULTS, digest_size=max_size)
            p.update((k, v) for k, v in kwargs.items() if k in p)
            self = _new_obj(cls)
            self._h = _new_blake2(is_b, data, p['digest_size'], p['key'], p['salt'],
                                  p['person'], p['fanout'], p['depth'], p['leaf_size'],
                                  p['node_offset'], p['node_depth'], p['inner_size'],
                                  p['last_node'])
            return self

        def digest(self):
            """Return the digest value as a bytes object."""
            return _digest(self._h, 0)

        def hexdigest(self):
            """Return the digest value as a string of hexadecimal digits."""
            return _digest(self._h, 0).hex()

        name = property(lambda self: name)
        digest_size = property(lambda self: len(_digest(self._h, 0)))
        block_size = property(lambda self: max_size * 2)

    _Hash.__init_subclass__ = _no_subclass('_blake2', name)
    _Hash.__name__ = _Hash.__qualname__ = name
    _Hash.__module__ = '_blake2'
    return _Hash


def _cleanup():
    g = globals()
    for n in ('_plain', '_sha3', '_blake2', '_cleanup'):
        del g[n]
