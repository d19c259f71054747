import _io as io

s = io.StringIO()
print(s.write("hello"), s.write(" world\n"), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.read(5)), repr(s.read()), repr(s.read()))
print(s.seek(3), s.write("P"), repr(s.getvalue()))
print(s.seek(20), s.write("!"), repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering, s.newlines)
s.close()
print(s.closed)
for op in [s.getvalue, s.read, s.tell, lambda: s.write("x"), s.readable]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)

s = io.StringIO("a\nb\r\nc\rd")
print(s.readlines(), s.tell())
s = io.StringIO("a\nb\r\nc\rd", newline=None)
print(s.readlines(), repr(s.getvalue()), s.newlines)
s = io.StringIO("a\nb\r\nc\rd", newline="")
print(s.readlines(), s.newlines)
s = io.StringIO("a\nb\r\nc", newline="\r\n")
print(s.readlines(), repr(s.getvalue()))
s = io.StringIO("a\nb\rc", newline="\r")
print(s.readlines(), repr(s.getvalue()))
s = io.StringIO("one\ntwo\nthree")
print([line for line in s], s.read())
s.seek(0)
print(s.readline(2), s.readline(), s.readline(-1), repr(s.readline()))

print(repr(io.StringIO(None).getvalue()))
for args in [(1,), ("", 5), ("", "x")]:
    try:
        io.StringIO(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = io.StringIO()
for bad in [lambda: s.write(b"x"), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2),
            lambda: s.seek(0, 3), lambda: s.truncate(-1)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
print(s.seek(0, 2), s.seek(0, 1))
print("x", "y", file=s, sep="|")
print(repr(s.getvalue()))
with io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)
