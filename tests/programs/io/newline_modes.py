# newline= on reading and writing text files.
P = "/tmp/taipan_io_newline_modes.txt"
DATA = b"a\nb\r\nc\rd\r\n\re"

def setup():
    with open(P, "wb") as f:
        f.write(DATA)

setup()
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, newline=nl, encoding="ascii") as f:
        lines = list(f)
        print(repr(nl), lines, repr(f.newlines))
    with open(P, newline=nl, encoding="ascii") as f:
        print("  read:", repr(f.read()), repr(f.newlines))

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, "w", newline=nl, encoding="ascii") as f:
        f.write("x\ny\r\nz\r")
    with open(P, "rb") as f:
        print(repr(nl), f.read())

# A \r\n split across reads.
with open(P, "wb") as f:
    f.write(b"x" * 8191 + b"\r\nend\r")
with open(P, encoding="ascii") as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), repr(lines[0][-3:]), lines[1:], repr(f.newlines))
with open(P, newline="", encoding="ascii") as f:
    lines = f.readlines()
    print(len(lines), repr(lines[0][-3:]), lines[1:])

# newline values that are not allowed.
for bad in ["x", "\n\n", 5]:
    try:
        open(P, newline=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
