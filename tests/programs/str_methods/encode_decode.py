s = "héllo wörld €"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", errors="replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(s.encode("utf-16-le")[:8], len(s.encode("utf-32")), b"h\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"ab\xff".decode("utf-8", "replace"), b"ab\xff".decode("ascii", "ignore"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    b"\xff\xfe\xfa".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
print(b"ab\xffcd".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
