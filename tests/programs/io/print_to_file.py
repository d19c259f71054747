# print(file=...) writes each piece through the file's own write(), then flush() if asked.
import _io as io

class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(("write", s))
        return len(s)
    def flush(self):
        self.calls.append(("flush",))

r = Recorder()
print("a", 1, None, file=r)
print(file=r)
print("x", "y", sep="--", end="!", file=r, flush=True)
print(*r.calls, sep="\n")

s = io.StringIO()
print("one", "two", file=s, sep=",")
print(3.5, [1, 2], file=s, end="")
print(repr(s.getvalue()))

class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(type(e).__name__, e)

P = "/tmp/taipan_io_print_to_file.txt"
with open(P, "w", encoding="utf-8") as f:
    print("line", 1, file=f)
    print("line", 2, file=f, flush=True)
with open(P, encoding="utf-8") as f:
    print(f.read(), end="")
