# encode/decode with each standard error handler and codec, and the exception attributes
s = "a\xe9\u20ac\U0001f600\udc80z"
for enc in ["ascii", "latin-1", "utf-8", "utf-16-le", "utf-32-be", "cp1252"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e.encoding, e.start, e.end, e.reason, e)
data = b"a\xe9\xc3\xa9\xed\xa0\x80\xf0\x9f\x98\x80\xff\xc3"
for enc in ["ascii", "latin-1", "utf-8", "utf-16", "utf-32", "cp1252", "cp437"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError", e.encoding, e.start, e.end, e.reason, e)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "ascii", "replace"), str(b"x", encoding="latin-1"), bytes("é", "utf-16"), bytearray("é", "latin-1"))
for e in ['"x".encode("nope")', '"x".encode("utf-8", "nope")', 'b"\\xff".decode("utf-8", "nope")', 'str("x", "utf-8")', 'str(1, "utf-8")', '"x".encode(1)', 'b"ab".decode("utf-16")']:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
print("x\U0001f600".encode("utf-16"), "x".encode("utf-32"), b"\xfe\xff\x00x".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00x".decode("utf-32"))
