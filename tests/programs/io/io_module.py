# The stdlib's io.py on top of the native _io: ABC registration, the re-exported names.
import io
import _io

print(io.open is open, _io.open is open, io.FileIO is _io.FileIO)
print(io.IOBase.__mro__)
print(io.RawIOBase.__mro__)
print(io.UnsupportedOperation.__mro__)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
for obj in [io.StringIO(), io.BytesIO()]:
    print(type(obj).__name__, isinstance(obj, io.IOBase), isinstance(obj, io.TextIOBase),
          isinstance(obj, io.BufferedIOBase), isinstance(obj, io.RawIOBase))
for cls in [io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
            io.TextIOWrapper]:
    print(cls.__name__, cls.__module__, issubclass(cls, io.IOBase), issubclass(cls, io.RawIOBase),
          issubclass(cls, io.BufferedIOBase), issubclass(cls, io.TextIOBase))

class Mine(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        b[:1] = b"z"
        return 1
m = Mine()
print(isinstance(m, io.IOBase), m.read(3), io.BufferedReader(m).read(4))

P = "/tmp/taipan_io_io_module.txt"
with io.open(P, "w", encoding="utf-8") as f:
    print(isinstance(f, io.TextIOBase), isinstance(f.buffer, io.BufferedIOBase),
          isinstance(f.buffer.raw, io.RawIOBase))
    f.write("via io.open\n")
with open(P, encoding=io.text_encoding("utf-8")) as f:
    print(f.read(), end="")
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
with io.open_code(P) as f:
    print(type(f).__name__, f.read())
