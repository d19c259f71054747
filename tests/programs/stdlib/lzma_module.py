# lzma and _lzma: formats, checks, filter chains, incremental use, property codecs, errors.
import io
import lzma
import _lzma
from _lzma import LZMACompressor, LZMADecompressor

data = b"lzma xz container " * 200 + bytes(range(256)) * 8

for fmt, check in ((lzma.FORMAT_XZ, lzma.CHECK_CRC64), (lzma.FORMAT_XZ, lzma.CHECK_CRC32),
                   (lzma.FORMAT_XZ, lzma.CHECK_SHA256), (lzma.FORMAT_XZ, lzma.CHECK_NONE),
                   (lzma.FORMAT_ALONE, -1)):
    c = lzma.compress(data, format=fmt, check=check, preset=1)
    d = LZMADecompressor()
    out = d.decompress(c)
    print(fmt, check, c[:6].hex(), out == data, d.check, d.eof, d.needs_input, d.unused_data)
for preset in (0, 1, 1 | lzma.PRESET_EXTREME):
    c = lzma.compress(data, preset=preset)
    print(preset, lzma.decompress(c) == data)

raw_filters = [{"id": lzma.FILTER_DELTA, "dist": 4},
               {"id": lzma.FILTER_X86, "start_offset": 0},
               {"id": lzma.FILTER_LZMA2, "preset": 1, "dict_size": 1 << 16, "lc": 3, "lp": 0,
                "pb": 2, "mode": lzma.MODE_NORMAL, "nice_len": 64, "mf": lzma.MF_BT4,
                "depth": 0}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=raw_filters)
print(lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=raw_filters) == data)
alone = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 1}])
print(lzma.decompress(alone) == data, lzma.decompress(alone, format=lzma.FORMAT_ALONE) == data)
xz = lzma.compress(data, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1, "mf": lzma.MF_HC4}])
print(lzma.decompress(xz, format=lzma.FORMAT_XZ) == data)
print(lzma.decompress(lzma.compress(b"one", preset=1) + lzma.compress(b"two", preset=0)))

print(lzma.compress(b"", preset=0).startswith(b"\xfd7zXZ\x00"))

c = LZMACompressor(preset=1)
parts = [c.compress(data[i:i + 700]) for i in range(0, len(data), 700)]
parts.append(c.flush())
print(lzma.decompress(b"".join(parts)) == data)


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r if len(repr(r)) < 80 else len(r))
    except Exception as e:
        print(type(e).__name__, e)


attempt(c.compress, b"x")
attempt(c.flush)
C, D = LZMACompressor, LZMADecompressor
attempt(C, preset="x")
attempt(C, preset=-1)
attempt(C, preset=2**40)
attempt(C, preset=10)
attempt(C, format=9)
attempt(C, format=2, check=1)
attempt(C, preset=1, filters=[])
attempt(C, format=3)
attempt(C, filters=[1])
attempt(C, filters=[{}])
attempt(C, filters=[{"id": "x"}])
attempt(C, filters=[{"id": -1}])
attempt(C, filters=[{"id": 99}])
attempt(C, filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}])
attempt(C, filters=[{"id": lzma.FILTER_LZMA2, "preset": 99}])
attempt(C, filters=[{"id": lzma.FILTER_LZMA2, "dict_size": 2**33}])
attempt(C, filters=[{"id": lzma.FILTER_DELTA, "dist": "x"}])
attempt(C, filters=[{"id": lzma.FILTER_X86, "bogus": 1}])
attempt(C, filters=[{"id": 3}] * 5)
attempt(C, format=2, filters=[{"id": lzma.FILTER_LZMA2}])
attempt(C, filters=[{"id": lzma.FILTER_DELTA}])
attempt(C, 1, 2, 3, 4, 5)
attempt(C, foo=1)
attempt(D, format=3)
attempt(D, format=3, memlimit=5, filters=[])
attempt(D, filters=[])
attempt(D, memlimit="x")
attempt(D, memlimit=-1)
attempt(D, format=7)
attempt(D().decompress, b"garbage" * 3)
attempt(D(memlimit=1).decompress, lzma.compress(b"x", preset=0))
attempt(D(format=lzma.FORMAT_XZ).decompress, alone)
attempt(lzma.decompress, lzma.compress(data, preset=0)[:-8])
attempt(lzma.decompress, lzma.compress(b"abc", preset=0) + b"junk")
attempt(lzma.decompress, b"")
print(_lzma.is_check_supported(lzma.CHECK_CRC64), _lzma.is_check_supported(lzma.CHECK_SHA256), _lzma.is_check_supported(5))
print(_lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1}))
print(_lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2}))
print(_lzma._encode_filter_properties({"id": lzma.FILTER_DELTA, "dist": 7}))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"]\x00\x00\x80\x00"))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x17"))
print(_lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x05"))
print(_lzma._decode_filter_properties(lzma.FILTER_X86, b""))
print(_lzma._decode_filter_properties(lzma.FILTER_X86, b"\x01\x00\x00\x00"))
attempt(_lzma._decode_filter_properties, 99, b"")
attempt(_lzma._decode_filter_properties, lzma.FILTER_LZMA2, b"\xff")
print(D().check, D(format=lzma.FORMAT_ALONE).check, lzma.CHECK_UNKNOWN)

comp = lzma.compress(data, preset=1)
d = D()
a = d.decompress(comp, 1000)
print(len(a), d.eof, d.needs_input)
b = d.decompress(b"", 3000)
print(len(b), d.eof, d.needs_input)
rest = d.decompress(b"")
print(len(rest), d.eof, d.needs_input, a + b + rest == data)
attempt(d.decompress, b"x")
d = D()
out = b""
stream = lzma.compress(b"payload" * 40, preset=0) + b"EXTRA"
for i in range(0, len(stream), 9):
    if d.eof:
        break
    out += d.decompress(stream[i:i + 9])
print(out == b"payload" * 40, d.eof, d.unused_data, d.needs_input)
print(_lzma.LZMAError.__module__, _lzma.LZMAError.__doc__, issubclass(lzma.LZMAError, Exception))

buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", preset=1) as f:
    f.write(b"first line\n" + b"more\n" * 50)
buf.seek(0)
with lzma.open(buf, "rt") as f:
    print(f.readline(), len(f.read()))
