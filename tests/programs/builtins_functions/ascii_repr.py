print(ascii("plain"), ascii("é€😀"), ascii(["ü", b"\xff"]), ascii({"k": "ñ"}), repr("é"), repr(b"\x00"))
class R:
    def __repr__(self):
        return "Ré"
print(ascii(R()), repr(R()), ascii(1.5), ascii(None))
