# zlib's one-shot functions, checksums, constants and errors.
import zlib

data = b"The quick brown fox jumps over the lazy dog. " * 20
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12].hex(), zlib.decompress(c) == data)
print(zlib.compress(b"").hex(), zlib.compress(b"a").hex())
print(zlib.compress(b"hello", wbits=-15).hex())
print(zlib.compress(b"hello", wbits=31).hex())
print(zlib.compress(b"hello", level=9, wbits=9).hex())
print(zlib.decompress(zlib.compress(data, wbits=-9), wbits=-9) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), wbits=31) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), wbits=47) == data)
print(zlib.decompress(zlib.compress(data), wbits=32 + 15) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(data), 15, 0) == data)
print(zlib.decompress(bytearray(zlib.compress(b"xyz"))), zlib.decompress(memoryview(zlib.compress(b"xyz"))))
print(zlib.compress(bytearray(b"abc")) == zlib.compress(b"abc"))

print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"world", 12345))
print(zlib.crc32(b"abc", -1), zlib.adler32(b"abc", 2**40 + 5), zlib.crc32(data))
print(zlib.crc32(memoryview(b"abc")), zlib.adler32(bytearray(b"abc")))

for name in ("MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION",
             "Z_BEST_SPEED", "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED",
             "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED", "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH",
             "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH", "Z_BLOCK", "Z_TREES"):
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION), zlib.ZLIB_VERSION[:2], zlib.ZLIB_RUNTIME_VERSION[:2], zlib.__version__)
print(zlib.error, zlib.error.__mro__[1:])


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r if len(repr(r)) < 60 else len(r))
    except Exception as e:
        print(type(e).__name__, e)


attempt(zlib.decompress, b"")
attempt(zlib.decompress, b"garbage")
attempt(zlib.decompress, zlib.compress(data)[:-5])
attempt(zlib.decompress, zlib.compress(data)[:20])
attempt(zlib.decompress, zlib.compress(b"x"), wbits=-15)
attempt(zlib.decompress, zlib.compress(b"x"), wbits=99)
attempt(zlib.decompress, zlib.compress(b"x"), bufsize=-1)
attempt(zlib.decompress, zlib.compress(b"x") + b"trailing")
attempt(zlib.compress, b"x", 10)
attempt(zlib.compress, b"x", -2)
attempt(zlib.compress, b"x", wbits=99)
attempt(zlib.compress, "text")
attempt(zlib.compress, 42)
attempt(zlib.compress, b"x", 1.5)
attempt(zlib.compress, b"x", 2**40)
attempt(zlib.decompress, b"x", 15, 2**70)
attempt(zlib.crc32, "text")
attempt(zlib.crc32, b"x", 1.0)
attempt(zlib.compressobj, method=7)
attempt(zlib.compressobj, memLevel=0)
attempt(zlib.compressobj, wbits=3)
attempt(zlib.compressobj, zdict="str")
attempt(zlib.decompressobj, wbits=99)
attempt(zlib.decompressobj, zdict=42)
print(isinstance(zlib.error("m"), Exception), zlib.error.__module__)

# gzip on top of zlib.
import gzip
g = gzip.compress(data, mtime=0)
print(g[:10].hex(), gzip.decompress(g) == data, len(g))
print(gzip.decompress(gzip.compress(b"") + gzip.compress(b"two")))
