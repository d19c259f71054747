# Text files: write, read back in every way, append, exclusive creation.
P = "/tmp/taipan_io_text_write_read.txt"

with open(P, "w", encoding="utf-8") as f:
    print(f.write("first line\n"), f.writable(), f.readable(), f.seekable())
    f.writelines(["second\n", "third\n"])
    print("fourth", 4, sep="-", file=f)
    print(f.name == P, f.mode, f.encoding, f.errors, f.line_buffering, f.closed)
print(f.closed)

with open(P, encoding="utf-8") as f:
    print(repr(f.read()))
with open(P, encoding="utf-8") as f:
    print(repr(f.read(5)), repr(f.read(0)), repr(f.readline()), repr(f.readline(3)))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(P, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(P, encoding="utf-8") as f:
    print(f.readlines(12))
    print(list(f))

with open(P, "a", encoding="utf-8") as f:
    f.write("appended\n")
    print(f.mode)
with open(P, encoding="utf-8") as f:
    print(f.read().splitlines())

with open(P, "r+", encoding="utf-8") as f:
    print(repr(f.read(5)))
    f.seek(0)
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))

try:
    open(P, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == P)

with open(P, "w", encoding="utf-8") as f:
    f.write("héllo wörld ✓ 𝄞\n")
with open(P, encoding="utf-8") as f:
    s = f.read()
    print(s, len(s))
with open(P, "rb") as f:
    print(f.read())

# Empty files.
open(P, "w").close()
with open(P) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))
