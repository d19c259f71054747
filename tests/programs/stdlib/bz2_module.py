# bz2 and _bz2: one-shot and incremental compression, max_length, leftovers, errors.
import bz2
import io
from _bz2 import BZ2Compressor, BZ2Decompressor

data = b"bzip2 block sorting " * 300 + bytes(range(256)) * 4
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, len(c), c[:10].hex(), c[-6:].hex(), bz2.decompress(c) == data)
print(bz2.compress(b"").hex(), bz2.compress(b"a").hex())
print(bz2.decompress(bz2.compress(b"one") + bz2.compress(b"two")))
print(bz2.decompress(b""))

c = BZ2Compressor(9)
parts = [c.compress(data[i:i + 500]) for i in range(0, len(data), 500)]
parts.append(c.flush())
print([len(p) for p in parts][:3], bz2.decompress(b"".join(parts)) == data)
print(b"".join(parts) == bz2.compress(data))


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r if len(repr(r)) < 60 else len(r))
    except Exception as e:
        print(type(e).__name__, e)


attempt(c.compress, b"x")
attempt(c.flush)
attempt(BZ2Compressor, 0)
attempt(BZ2Compressor, 10)
attempt(BZ2Compressor, "x")
attempt(BZ2Compressor, 1, 2)
attempt(BZ2Compressor, compresslevel=3)
attempt(BZ2Decompressor, 1)
attempt(BZ2Decompressor().decompress, b"garbage data here")
attempt(BZ2Compressor().compress, "text")
attempt(bz2.decompress, b"BZh9garbage")
attempt(bz2.decompress, bz2.compress(data)[:-10])
attempt(bz2.decompress, bz2.compress(b"abc") + b"junk")

comp = bz2.compress(data)
d = BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
a = d.decompress(comp, 1000)
print(len(a), d.eof, d.needs_input)
b = d.decompress(b"", 2000)
print(len(b), d.eof, d.needs_input)
rest = d.decompress(b"")
print(len(rest), d.eof, d.needs_input, a + b + rest == data)
attempt(d.decompress, b"x")

d = BZ2Decompressor()
out = b""
stream = bz2.compress(b"payload" * 50) + b"EXTRA"
for i in range(0, len(stream), 7):
    if d.eof:
        break
    out += d.decompress(stream[i:i + 7])
print(out == b"payload" * 50, d.eof, d.unused_data, d.needs_input)
d = BZ2Decompressor()
print(d.decompress(comp[:20], 0), d.needs_input, d.eof)

# BZ2File on a memory buffer
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb", compresslevel=3) as f:
    f.write(b"line one\n")
    f.write(b"line two\n" * 100)
buf.seek(0)
with bz2.open(buf, "rt") as f:
    lines = f.readlines()
print(len(lines), lines[:2])
