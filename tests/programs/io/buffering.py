# buffering=, line buffering, write_through, flush.
P = "/tmp/taipan_io_buffering.txt"

f = open(P, "w", buffering=1)
print(f.line_buffering, f.write_through)
f.write("no newline yet")
with open(P) as r:
    print(repr(r.read()))
f.write(" then a newline\n")
with open(P) as r:
    print(repr(r.read()))
f.close()

f = open(P, "w", buffering=4)
print(type(f.buffer).__name__, f.line_buffering)
f.write("ab")
with open(P) as r:
    print(repr(r.read()))
f.flush()
with open(P) as r:
    print(repr(r.read()))
f.close()

f = open(P, "wb", buffering=4)
f.write(b"ab")
with open(P, "rb") as r:
    print(r.read())
f.write(b"cdef")
with open(P, "rb") as r:
    print(r.read())
f.close()

f = open(P, "wb", buffering=0)
print(type(f).__name__)
f.write(b"direct")
with open(P, "rb") as r:
    print(r.read())
f.close()

f = open(P, "w")
f.reconfigure(line_buffering=True)
print(f.line_buffering)
f.write("x\n")
with open(P) as r:
    print(repr(r.read()))
f.reconfigure(write_through=True, line_buffering=False)
print(f.write_through, f.line_buffering)
f.close()

# A big write goes through the buffer in pieces and comes back whole.
with open(P, "w") as f:
    for i in range(3000):
        f.write("line %d\n" % i)
with open(P) as f:
    lines = f.readlines()
    print(len(lines), lines[0], lines[-1], end="")
with open(P, "rb") as f:
    data = f.read()
    print(len(data), data.count(b"\n"))
