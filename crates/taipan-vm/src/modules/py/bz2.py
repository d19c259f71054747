# The Python part of Taipan's `_bz2` module: `BZ2Compressor` and `BZ2Decompressor`, each
# holding its bzip2 stream in a native handle (`_h`) that the native functions of `bz2.rs`
# work on.


class BZ2Compressor:
    """Create a compressor object for compressing data incrementally.

      compresslevel
        Compression level, as a number between 1 and 9.

    For one-shot compression, use the compress() function instead."""
    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("BZ2Compressor() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError(f"BZ2Compressor expected at most 1 argument, got {len(args)}")
        self = object.__new__(cls)
        self._h = _c_new(args[0] if args else 9)
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


class BZ2Decompressor:
    """Create a decompressor object for decompressing data incrementally.

    For one-shot decompression, use the decompress() function instead."""
    __slots__ = ('_h',)

    def __new__(cls, *args, **kwargs):
        if args:
            raise TypeError("BZ2Decompressor() takes no positional arguments")
        if kwargs:
            raise TypeError("BZ2Decompressor() takes no keyword arguments")
        self = object.__new__(cls)
        self._h = _d_new()
        return self

    def decompress(self, data, max_length=-1):
        """Decompress *data*, returning uncompressed data as bytes."""
        return _d_decompress(self._h, data, max_length)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    @property
    def eof(self):
        """True if the end-of-stream marker has been reached."""
        return _d_state(self._h)[0]

    @property
    def unused_data(self):
        """Data found after the end of the compressed stream."""
        return _d_state(self._h)[1]

    @property
    def needs_input(self):
        """True if more input is needed before more decompressed data can be produced."""
        return _d_state(self._h)[2]


BZ2Compressor.__module__ = BZ2Decompressor.__module__ = '_bz2'
