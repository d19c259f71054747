# open()'s argument checks and the errors of closed or wrong-mode files.
P = "/tmp/taipan_io_open_errors.txt"
with open(P, "w") as f:
    f.write("data\n")

for mode in ["rw", "rr", "q", "", "tb", "rb+x", "U", "r+w", "wa", "x+a", "bt"]:
    try:
        open(P, mode)
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
for kw in [dict(mode=3), dict(encoding=3), dict(newline=3), dict(newline="x"), dict(buffering="x"),
           dict(errors=3), dict(mode="rb", encoding="u"), dict(mode="rb", errors="strict"),
           dict(mode="rb", newline=""), dict(buffering=0), dict(encoding="nope"), dict(bogus=1)]:
    try:
        open(P, **kw)
    except (TypeError, ValueError, LookupError) as e:
        print(kw, type(e).__name__, e)
for f in [3.0, [], None, -1, b"/tmp/taipan_io_no_such_file", "/tmp", "/tmp/no/such/dir/x"]:
    try:
        open(f)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    open()
except TypeError as e:
    print(e)

f = open(P)
try:
    f.write("x")
except OSError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
try:
    f.buffer.write(b"x")
except OSError as e:
    print(type(e).__name__, e)
try:
    f.buffer.raw.write(b"x")
except OSError as e:
    print(type(e).__name__, e)
f.close()
f.close()
for op in [f.read, f.readline, f.tell, lambda: f.seek(0), lambda: f.write("x"), f.flush, f.readable,
           lambda: next(f), lambda: iter(f), f.__enter__]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)

g = open(P, "w")
try:
    g.read()
except OSError as e:
    print(type(e).__name__, e)
g.close()

b = open(P, "rb")
b.close()
for op in [b.read, b.readline, lambda: b.seek(0), b.peek, b.flush]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
r = open(P, "rb", buffering=0)
r.close()
for op in [r.read, r.tell, r.fileno, r.readable, lambda: r.write(b"")]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
print(repr(r))
