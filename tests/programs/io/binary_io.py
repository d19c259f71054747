# Binary files: the buffered classes and raw FileIO.
P = "/tmp/taipan_io_binary_io.bin"

with open(P, "wb") as f:
    print(type(f).__name__, f.mode, f.name == P, type(f.raw).__name__, f.raw.mode)
    print(f.write(b"0123456789"), f.write(bytearray(b"abc")), f.write(memoryview(b"XYZ")))
    print(f.tell())

with open(P, "rb") as f:
    print(type(f).__name__, f.mode)
    print(f.read(4), f.tell(), f.peek(2)[:2], f.read1(3), f.tell())
    b = bytearray(5)
    print(f.readinto(b), b, f.tell())
    print(f.seek(2), f.read(3), f.seek(-2, 2), f.read(), f.seek(-4, 1), f.read(2))
    print(f.seek(0), f.readline(), f.read(), f.read(), f.read(5))
    print(f.readable(), f.writable(), f.seekable(), f.isatty())

with open(P, "ab") as f:
    print(f.tell(), f.write(b"!\n"), f.tell())

with open(P, "rb") as f:
    print(f.readlines())
with open(P, "rb") as f:
    print(list(f))

with open(P, "r+b") as f:
    print(type(f).__name__, f.mode)
    print(f.read(3))
    f.write(b"___")
    print(f.tell())
    f.seek(0)
    print(f.read())
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())

with open(P, "w+b") as f:
    f.write(b"hello")
    f.seek(0)
    print(f.read(), f.tell())

# Unbuffered: FileIO itself.
with open(P, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd, f.read(2), f.readall(), f.read())
    b = bytearray(3)
    f.seek(1)
    print(f.readinto(b), b)
with open(P, "wb", buffering=0) as f:
    print(f.write(b"raw bytes"), f.tell(), f.truncate(3), f.tell())
with open(P, "rb") as f:
    print(f.read())

import _io
r = _io.FileIO(P)
print(r.mode, r.readable(), r.writable(), r.read(), r.closed)
r.close()
print(r.closed)
w = _io.FileIO(P, "w")
print(w.mode, w.write(b"xyz"))
w.close()
a = _io.FileIO(P, "a+")
print(a.mode, a.tell(), a.write(b"!"), a.seek(0), a.read())
a.close()
