# TextIOWrapper and the buffered classes built by hand; detach, reconfigure, attributes.
import _io as io

raw = io.BytesIO(b"one\ntwo\nthree\n")
t = io.TextIOWrapper(raw, encoding="ascii")
print(t.encoding, t.errors, repr(t.newlines), t.line_buffering, t.buffer is raw)
print(t.readline(), t.read())
t.seek(0)
b = t.detach()
print(b is raw, b.read())
try:
    t.read()
except ValueError as e:
    print(e)

out = io.BytesIO()
t = io.TextIOWrapper(out, encoding="utf-8", newline="\r\n")
t.write("a\nb\n")
t.flush()
print(out.getvalue())
t.reconfigure(newline="\n")
t.write("c\n")
t.flush()
print(out.getvalue())
t.reconfigure(encoding="latin-1")
print(t.encoding)
t.write("é")
t.flush()
print(out.getvalue())
try:
    t.reconfigure(1)
except TypeError as e:
    print(e)

src = io.BytesIO(b"x\ny\n")
t = io.TextIOWrapper(src, encoding="ascii")
t.read(1)
try:
    t.reconfigure(encoding="utf-8")
except Exception as e:
    print(type(e).__name__, e)

r = io.BufferedReader(io.BytesIO(b"abcdef"), buffer_size=2)
print(r.read(3), r.peek(1)[:1], r.read(), r.tell())
w = io.BytesIO()
bw = io.BufferedWriter(w, buffer_size=4)
bw.write(b"ab")
print(w.getvalue())
bw.write(b"cdef")
print(w.getvalue())
bw.flush()
print(w.getvalue(), bw.tell())
rw = io.BufferedRandom(io.BytesIO(b"0123456789"))
print(rw.read(2), rw.write(b"AB"), rw.tell(), rw.read(2))
rw.seek(0)
print(rw.read())
pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.write(b"out"), pair.readable(), pair.writable(), pair.closed)
for bad in [lambda: io.BufferedReader(io.BytesIO(), 0), lambda: io.TextIOWrapper(io.BytesIO(), encoding=5),
            lambda: io.TextIOWrapper(io.BytesIO(), newline="x"), lambda: io.TextIOWrapper()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines, repr(d.decode("x\r\ny")), d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("a\r\nb\rc\n")), d.newlines)
