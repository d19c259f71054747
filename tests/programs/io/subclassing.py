# Python subclasses of the _io classes.
import _io as io

class Raw(io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos, 3)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b"hello\nworld\n")
print(r.read(4), r.read(), r.read(), r.readable(), r.writable(), r.seekable(), r.closed)
r = Raw(b"hello\nworld\n")
print(r.readline(), r.readlines())
r = Raw(b"abc\ndef")
print(list(r))
r.close()
print(r.closed)
try:
    r.read()
except ValueError as e:
    print(e)

t = io.TextIOWrapper(io.BufferedReader(Raw(b"l1\nl2\r\nl3")), encoding="utf-8")
print(list(t))

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
u = Upper()
print("hi there", file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO), isinstance(u, io._TextIOBase))

class Init(io.BytesIO):
    def __init__(self, data, tag):
        super().__init__(data)
        self.tag = tag
i = Init(b"xyz", "T")
print(i.read(), i.tag, i.__dict__)

class Writer(io._IOBase):
    def __init__(self):
        self.out = []
    def write(self, s):
        self.out.append(s)
        return len(s)
w = Writer()
w.writelines(["a", "b"])
print(w.out, w.readable(), w.closed)
with w:
    print(w.closed)
print(w.closed)
try:
    w.fileno()
except OSError as e:
    print(type(e).__name__, e)
try:
    w.seek(0)
except OSError as e:
    print(type(e).__name__, e)

class Closing(io.StringIO):
    def close(self):
        print("closing", self.getvalue())
        super().close()
c = Closing("bye")
del c
print("after del")

P = "/tmp/taipan_io_subclassing.txt"
class MyFile(io.FileIO):
    pass
with MyFile(P, "w") as f:
    f.write(b"sub")
    print(f.mode, type(f).__name__)
with MyFile(P) as f:
    print(f.read())
