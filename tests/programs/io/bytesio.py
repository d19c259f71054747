import _io as io

b = io.BytesIO()
print(b.write(b"hello"), b.write(bytearray(b" world")), b.tell(), b.getvalue())
print(b.seek(0), b.read(5), b.read(), b.read(), b.read1(3))
print(b.seek(3), b.write(b"P"), b.getvalue())
print(b.seek(15), b.write(b"!"), b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
print(b.seek(-2, 2), b.read(), b.seek(-1, 1), b.read(), b.seek(-100, 1))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)

b = io.BytesIO(b"l1\nl2\nl3")
print(b.readline(), b.readlines(), b.readline())
b.seek(0)
print(list(b), b.tell())
b.seek(0)
print(b.readlines(3), b.readline(1))
buf = bytearray(4)
b.seek(0)
print(b.readinto(buf), buf, b.readinto(buf), buf)
print(bytes(b.getbuffer()), len(b.getbuffer()))
b.writelines([b"x", b"y"])
print(b.getvalue())
b.close()
print(b.closed)
for op in [b.getvalue, b.read, b.tell, lambda: b.write(b"x"), b.readable, b.flush, b.isatty]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: io.BytesIO("str"), lambda: io.BytesIO().write("s"), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 3), lambda: io.BytesIO().truncate(-1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
with io.BytesIO(b"ctx") as b:
    print(b.read())
print(b.closed)
