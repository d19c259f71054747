# A text stream in utf-8-sig writes the BOM once, at the start (incremental encoding).
import codecs
import io

b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8-sig")
t.write("a")
t.write("b\n")
t.write("€")
t.flush()
print(b.getvalue())
b.seek(0)
print(repr(io.TextIOWrapper(b, encoding="utf-8-sig").read()))
e = codecs.getincrementalencoder("utf-8-sig")()
print(e.encode("a"), e.encode("b"))
w = codecs.getwriter("utf-8-sig")(io.BytesIO())
w.write("x")
w.write("y")
print(w.stream.getvalue())
