s = "aé😀"
for enc in ["utf-8", "utf-16", "utf-16-be", "utf-32-le", "latin-1", "ascii"]:
    try:
        b = s.encode(enc)
        print(enc, b, len(b), b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.start, e.end, e.reason)
print("é".encode("ascii", "replace"), "é😀".encode("latin-1", "backslashreplace"), "x\udcff".encode("utf-8", "surrogateescape"), "\ud83d".encode("utf-8", "surrogatepass"))
print(b"\xff\xfe".decode("utf-16"), b"\x00a".decode("utf-16-be"), b"\xc3".decode("utf-8", "backslashreplace"), b"\xe9t\xe9".decode("cp1252"))
