# The Python part of Taipan's `_lzma` module: `LZMACompressor`, `LZMADecompressor`, the
# argument checks, and the parsing of filter specifiers (dicts) into the tuples the native
# functions of `lzma.rs` take: `(id, preset, dict_size, lc, lp, pb, mode, nice_len, mf,
# depth)` for LZMA1/2 (None: the preset's value), `(id, dist)` for delta, `(id,
# start_offset)` for the BCJ filters.

from _operator import index as _index

_LZMA_KEYS = ('id', 'preset', 'dict_size', 'lc', 'lp', 'pb', 'mode', 'nice_len', 'mf', 'depth')
_BCJ = (FILTER_X86, FILTER_POWERPC, FILTER_IA64, FILTER_ARM, FILTER_ARMTHUMB, FILTER_SPARC)
_U64_MAX = (1 << 64) - 1


def _u32(v):
    v = _index(v)
    if v < 0:
        raise ValueError("Cannot convert negative int")
    if v > 0xFFFFFFFF:
        raise OverflowError("Python int too large for C uint32_t")
    return v


def _u64(v):
    v = _index(v)
    if v < 0:
        raise ValueError("Cannot convert negative int")
    if v > _U64_MAX:
        raise OverflowError("Python int too large for C unsigned long long")
    return v


def _options(spec, names, what):
    """The values of `names[1:]` in `spec` (None when absent), or CPython's ValueError."""
    try:
        if not isinstance(spec, dict):
            raise TypeError
        for k in spec:
            if k not in names:
                raise TypeError
        return tuple(_u32(spec[n]) if n in spec else None for n in names[1:])
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"Invalid filter specifier for {what} filter") from None


def _filter(spec):
    try:
        spec.keys
        spec.__getitem__
    except AttributeError:
        raise TypeError("Filter specifier must be a dict or dict-like object") from None
    try:
        fid = spec["id"]
    except KeyError:
        raise ValueError('Filter specifier must have an "id" entry') from None
    fid = _u64(fid)
    if fid in (FILTER_LZMA1, FILTER_LZMA2):
        preset = PRESET_DEFAULT
        if "preset" in spec:
            preset = _u32(spec["preset"])
        if not _preset_ok(preset):
            raise LZMAError(f"Invalid compression preset: {preset}")
        opts = _options(spec, _LZMA_KEYS, "LZMA")
        return (fid, preset) + opts[1:]
    if fid == FILTER_DELTA:
        return (fid,) + _options(spec, ('id', 'dist'), "delta")
    if fid in _BCJ:
        return (fid,) + _options(spec, ('id', 'start_offset'), "BCJ")
    raise ValueError(f"Invalid filter ID: {fid}")


def _chain(filters):
    if isinstance(filters, dict):
        raise TypeError("dict is not a sequence")
    n = len(filters)
    if n > 4:
        raise ValueError("Too many filters - liblzma supports a maximum of 4")
    return [_filter(filters[i]) for i in range(n)]


class LZMACompressor:
    """LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)

Create a compressor object for compressing data incrementally.

format specifies the container format to use for the output. This can
be FORMAT_XZ (default), FORMAT_ALONE, or FORMAT_RAW.

check specifies the integrity check to use. For FORMAT_XZ, the default
is CHECK_CRC64. FORMAT_ALONE and FORMAT_RAW do not support integrity
checks; for these formats, check must be omitted, or be CHECK_NONE.

The settings used by the compressor can be specified either as a
preset compression level (with the 'preset' argument), or in detail
as a custom filter chain (with the 'filters' argument). For FORMAT_XZ
and FORMAT_ALONE, the default is to use the PRESET_DEFAULT preset
level. For FORMAT_RAW, the caller must always specify a filter chain;
the raw compressor does not support preset compression levels.

preset (if provided) should be an integer in the range 0-9, optionally
OR-ed with the constant PRESET_EXTREME.

filters (if provided) should be a sequence of dicts. Each dict should
have an entry for "id" indicating the ID of the filter, plus
additional entries for options to the filter.

For one-shot compression, use the compress() function instead.
"""
    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        names = ('format', 'check', 'preset', 'filters')
        if len(args) + len(kwargs) > 4:
            raise TypeError(f"LZMACompressor() takes at most 4 arguments "
                            f"({len(args) + len(kwargs)} given)")
        vals = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f"LZMACompressor() got an unexpected keyword argument '{k}'")
            if k in vals:
                raise TypeError(f"argument for LZMACompressor() given by name ('{k}') "
                                f"and position ({names.index(k) + 1})")
            vals[k] = v
        format = vals.get('format', FORMAT_XZ)
        check = vals.get('check', -1)
        preset = vals.get('preset')
        filters = vals.get('filters')
        format = _c_int(format)
        check = _c_int(check)
        if format != FORMAT_XZ and check != -1 and check != CHECK_NONE:
            raise ValueError("Integrity checks are only supported by FORMAT_XZ")
        if preset is not None and filters is not None:
            raise ValueError("Cannot specify both preset and filter chain")
        preset = PRESET_DEFAULT if preset is None else _u32(preset)
        if format not in (FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError(f"Invalid container format: {format}")
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        chain = None if filters is None else _chain(filters)
        self = object.__new__(cls)
        self._h = _c_new(format, check, preset, chain)
        return self

    def compress(self, data, /):
        """Provide data to the compressor object.

Returns a chunk of compressed data if possible, or b'' otherwise.

When you have finished providing data to the compressor, call the
flush() method to finish the compression process."""
        return _c_compress(self._h, data)

    def flush(self):
        """Finish the compression process.

Returns the compressed data left in internal buffers.

The compressor object may not be used after this method is called."""
        return _c_flush(self._h)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


def _c_int(v):
    v = _index(v)
    if not -0x80000000 <= v <= 0x7FFFFFFF:
        raise OverflowError("Python int too large to convert to C int")
    return v


class LZMADecompressor:
    """Create a decompressor object for decompressing data incrementally.

  format
    Specifies the container format of the input stream.  If this is
    FORMAT_AUTO (the default), the decompressor will automatically detect
    whether the input is FORMAT_XZ or FORMAT_ALONE.  Streams created with
    FORMAT_RAW cannot be autodetected.
  memlimit
    Limit the amount of memory used by the decompressor.  This will cause
    decompression to fail if the input cannot be decompressed within the
    given limit.
  filters
    A custom filter chain.  This argument is required for FORMAT_RAW, and
    not accepted with any other format.  When provided, this should be a
    sequence of dicts, each indicating the ID and options for a single
    filter.

For one-shot decompression, use the decompress() function instead."""
    __slots__ = ('_h',)

    def __new__(cls, format=FORMAT_AUTO, memlimit=None, filters=None):
        format = _c_int(format)
        limit = _U64_MAX
        if memlimit is not None:
            if format == FORMAT_RAW:
                raise ValueError("Cannot specify memory limit with FORMAT_RAW")
            limit = _u64(memlimit)
        if format == FORMAT_RAW and filters is None:
            raise ValueError("Must specify filters for FORMAT_RAW")
        elif format != FORMAT_RAW and filters is not None:
            raise ValueError("Cannot specify filters except with FORMAT_RAW")
        chain = None if filters is None else _chain(filters)
        self = object.__new__(cls)
        self._h = _d_new(format, limit, chain)
        return self

    def decompress(self, data, max_length=-1):
        """Decompress *data*, returning uncompressed data as bytes."""
        return _d_decompress(self._h, data, max_length)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    @property
    def check(self):
        """ID of the integrity check used by the input stream."""
        return _d_state(self._h)[0]

    @property
    def eof(self):
        """True if the end-of-stream marker has been reached."""
        return _d_state(self._h)[1]

    @property
    def needs_input(self):
        """True if more input is needed before more decompressed data can be produced."""
        return _d_state(self._h)[2]

    @property
    def unused_data(self):
        """Data found after the end of the compressed stream."""
        return _d_state(self._h)[3]


def _encode_filter_properties(filter, /):
    """Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).

The result does not include the filter ID itself, only the options."""
    return _encode_props(_filter(filter))


def _decode_filter_properties(filter_id, encoded_props, /):
    """Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).

The result does not include the filter ID itself, only the options."""
    return dict(_decode_props(_u64(filter_id), encoded_props))


LZMACompressor.__module__ = LZMADecompressor.__module__ = '_lzma'
_encode_filter_properties.__module__ = _decode_filter_properties.__module__ = '_lzma'
