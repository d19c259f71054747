# unicodedata.ucd_3_2_0 (Unicode 3.2.0) and its users: encodings.idna and stringprep.
import unicodedata as u
import stringprep
import encodings.idna

o = u.ucd_3_2_0
for ch in ["A", "\u0378", "\u20ac", "\u0221", "\u0350", "\u07c1", "\U0001F600", "\U0002F868",
           "\U0002F91F", "\u4dc0", "\u0d66", "\u3400", "\U00020000"]:
    print(ascii(ch), o.category(ch), repr(o.bidirectional(ch)), o.east_asian_width(ch), o.combining(ch),
          o.mirrored(ch), repr(o.decomposition(ch)), o.decimal(ch, None), o.digit(ch, None),
          o.numeric(ch, None), o.name(ch, "?"), [ascii(o.normalize(f, ch)) for f in ("NFC", "NFD", "NFKC", "NFKD")])
for name in ["GRINNING FACE", "NULL", "EURO SIGN", "LATIN SMALL LETTER R WITH TILDE"]:
    try:
        print(name, ascii(o.lookup(name)))
    except KeyError as e:
        print(name, "KeyError", e)
print(o.is_normalized("NFC", "\U0002F868"), o.normalize("NFC", "\U0002F868") == "\U0002136A")

print(stringprep.in_table_a1("\u0221"), stringprep.in_table_a1("a"), stringprep.in_table_b1("\u00ad"))
print(ascii(stringprep.map_table_b2("\u00df")), ascii(stringprep.map_table_b3("A")), stringprep.in_table_c12("\u3000"))
print(stringprep.in_table_d1("\u05d0"), stringprep.in_table_d2("a"))
for host in ["münchen.de", "bücher.example", "ÉCOLE.fr", "пример.испытание", "faß.de", "xn--mnchen-3ya.de"]:
    try:
        enc = host.encode("idna")
        print(ascii(host), enc, ascii(enc.decode("idna")))
    except UnicodeError as e:
        print(ascii(host), type(e).__name__, e)
print(encodings.idna.nameprep("Straße"), encodings.idna.ToASCII("bücher"), encodings.idna.ToUnicode(b"xn--bcher-kva"))
