# tell()/seek() on text files (simple cookies: byte positions).
P = "/tmp/taipan_io_seek_tell.txt"
with open(P, "w", encoding="utf-8") as f:
    print(f.tell())
    f.write("line one\n")
    print(f.tell())
    f.write("é second ✓\n")
    print(f.tell())
    f.write("third\n")

with open(P, encoding="utf-8") as f:
    positions = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((pos, line))
    print(positions)
    for pos, line in reversed(positions):
        f.seek(pos)
        print(pos, f.readline() == line)
    print(f.seek(0, 2), f.read())
    f.seek(0)
    print(repr(f.read(3)), f.tell(), repr(f.read(8)), f.tell())
    try:
        f.seek(3, 1)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.seek(-1, 2)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.seek(0, 5)
    except ValueError as e:
        print(e)
    try:
        f.seek(-3)
    except ValueError as e:
        print(e)
    print(f.seek(0, 1))

with open(P, encoding="utf-8") as f:
    for line in f:
        try:
            f.tell()
        except OSError as e:
            print(type(e).__name__, e)
        break
    f.seek(0)
    for line in f:
        pass
    print(f.tell())

with open(P, "w", newline="\r\n", encoding="ascii") as f:
    f.write("a\nb\n")
    print(f.tell())
with open(P, encoding="ascii") as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
