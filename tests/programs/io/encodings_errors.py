# Text files in several codecs, and the errors handlers.
P = "/tmp/taipan_io_encodings.txt"
TEXT = "naïve café ½"

for enc in ["utf-8", "latin-1", "utf-16", "utf-16-le", "utf-32", "cp1252"]:
    with open(P, "w", encoding=enc) as f:
        f.write(TEXT)
        print(enc, f.encoding)
    with open(P, "rb") as f:
        print("  bytes:", f.read())
    with open(P, encoding=enc) as f:
        print("  text:", f.read() == TEXT)

with open(P, "w", encoding="utf-8") as f:
    f.write(TEXT)
with open(P, encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
with open(P, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
with open(P, encoding="ascii", errors="backslashreplace") as f:
    print(repr(f.read()))
with open(P, encoding="ascii", errors="surrogateescape") as f:
    s = f.read()
    print(repr(s))
with open(P, encoding="ascii") as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)

with open(P, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    print(f.errors)
    f.write(TEXT)
with open(P, "rb") as f:
    print(f.read())
with open(P, "w", encoding="ascii") as f:
    try:
        f.write("x ½")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)

try:
    open(P, encoding="no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)

# A multi-byte character split across the decoder's chunks.
with open(P, "wb") as f:
    f.write(b"a" * 8191 + "é✓".encode() + b"z")
with open(P, encoding="utf-8") as f:
    s = f.read(8195)
    print(len(s), repr(s[-4:]))
