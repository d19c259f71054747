# zlib's compressor and decompressor objects: flush modes, limits, leftovers, copies,
# preset dictionaries, and _ZlibDecompressor.
import zlib

data = bytes(range(256)) * 40 + b"tail" * 500

co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
comp = b"".join(parts)
print(len(comp), zlib.decompress(comp, -12) == data)

co = zlib.compressobj()
a = co.compress(b"hello ")
b = co.flush(zlib.Z_SYNC_FLUSH)
c = co.compress(b"world")
d = co.flush(zlib.Z_FULL_FLUSH)
e = co.flush(zlib.Z_NO_FLUSH)
f = co.flush()
print(a.hex(), b.hex(), c.hex(), d.hex(), e, f.hex())
print(zlib.decompress(a + b + c + d + f))
for mode in (zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
    co = zlib.compressobj()
    x = co.compress(b"abc") + co.flush(mode)
    print(mode, x.hex(), (x + co.flush()).hex())


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", r if len(repr(r)) < 70 else len(r))
    except Exception as e:
        print(type(e).__name__, e)


co = zlib.compressobj()
co.compress(b"x")
co.flush()
attempt(co.compress, b"more")
attempt(co.flush)
attempt(co.copy)

for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
    out = co.compress(data) + co.flush()
    print(strategy, len(out), out[-4:].hex())

# copy
co = zlib.compressobj()
p = co.compress(b"shared prefix ")
co2 = co.copy()
x = co.compress(b"one") + co.flush()
y = co2.compress(b"two") + co2.flush()
print(zlib.decompress(p + x), zlib.decompress(p + y))
import copy
co3 = zlib.compressobj()
co3.compress(b"abc")
print(type(copy.copy(co3)).__name__, type(copy.deepcopy(co3)).__name__, type(co3))

# decompressobj: max_length and unconsumed_tail
comp = zlib.compress(data)
do = zlib.decompressobj()
out = b""
chunk = do.decompress(comp, 100)
print(len(chunk), len(do.unconsumed_tail) > 0, do.eof)
out += chunk
while do.unconsumed_tail:
    out += do.decompress(do.unconsumed_tail, 3000)
out += do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)

# byte by byte, with trailing data
do = zlib.decompressobj()
out = b""
stream = zlib.compress(b"payload" * 30) + b"EXTRA"
for i in range(len(stream)):
    out += do.decompress(stream[i:i + 1])
print(out == b"payload" * 30, do.eof, do.unused_data, do.unconsumed_tail)
attempt(do.decompress, b"more")
print(do.unused_data)

do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"abc") + b"xyz"), do.unused_data, do.eof)
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"abc")[:5]), do.eof, do.flush(), do.eof)
attempt(do.decompress, b"x", -1)
attempt(do.flush, 0)
do = zlib.decompressobj()
attempt(do.decompress, b"not zlib data")
print(zlib.decompressobj().flush(), zlib.decompressobj().decompress(b""))

# copies of a decompressor
comp = zlib.compress(data)
do = zlib.decompressobj()
first = do.decompress(comp[:100])
do2 = do.copy()
r1 = first + do.decompress(comp[100:]) + do.flush()
r2 = first + do2.decompress(comp[100:]) + do2.flush()
print(r1 == data, r2 == data)
attempt(do.copy)

# preset dictionaries
zdict = b"the common words: alpha beta gamma delta"
co = zlib.compressobj(zdict=zdict)
comp = co.compress(b"alpha beta gamma delta alpha beta") + co.flush()
print(comp.hex())
do = zlib.decompressobj(zdict=zdict)
print(do.decompress(comp) + do.flush())
attempt(zlib.decompress, comp)
do = zlib.decompressobj()
attempt(do.decompress, comp)
co = zlib.compressobj(wbits=-15, zdict=bytearray(zdict))
raw = co.compress(b"gamma delta") + co.flush()
do = zlib.decompressobj(wbits=-15, zdict=memoryview(zdict))
print(do.decompress(raw))
do = zlib.decompressobj(zdict=b"wrong dictionary")
attempt(do.decompress, comp)

# gzip container through the objects
co = zlib.compressobj(wbits=31)
g = co.compress(b"gz!" * 10) + co.flush()
print(g[:4].hex(), zlib.decompressobj(47).decompress(g))

# _ZlibDecompressor
D = zlib._ZlibDecompressor
comp = zlib.compress(data)
d = D()
print(d.needs_input, d.eof, d.unused_data)
a = d.decompress(comp, 1000)
print(len(a), d.needs_input, d.eof)
b = d.decompress(b"", 5000)
print(len(b), d.needs_input, d.eof)
c = d.decompress(b"")
print(len(c), d.needs_input, d.eof, a + b + c == data)
attempt(d.decompress, b"x")
d = D()
print(len(d.decompress(comp + b"left over")), d.unused_data, d.eof, d.needs_input)
d = D(wbits=-15)
print(d.decompress(zlib.compress(b"raw", wbits=-15)), d.eof)
d = D()
print(d.decompress(comp[:2], 0), d.needs_input)
d = D()
attempt(d.decompress, b"garbage!")
attempt(D, 99)
print(D.__module__, D.__name__)

# flush after the end, on a truncated stream, on a corrupt stream
x = zlib.compress(b"foo")
d = zlib.decompressobj()
print(d.decompress(x + b"xy"), d.flush(), d.flush(), d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(d.decompress(x[:-3]), d.flush(), d.flush(), d.eof)
d = zlib.decompressobj()
print(d.decompress(x[:-1] + b"\x00", 1))
attempt(d.flush)
print(d.eof, d.unconsumed_tail, d.unused_data)
d = zlib.decompressobj()
print(d.decompress(x + b"rest", 1), d.unconsumed_tail)
print(d.decompress(d.unconsumed_tail), d.unconsumed_tail, d.unused_data, d.eof)
