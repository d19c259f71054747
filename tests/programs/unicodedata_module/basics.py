# unicodedata: the per-character properties, names, numeric values and argument errors.
import unicodedata as u

chars = "A a 0 ½ Ⅻ ٣ ¹ ( ) « é ñ ẞ ǅ \u0301 \u0345 \u05d0 \u0627 \u200d \u3000 ア ｱ 가 一 \ufb01 \U0001F600 \U0001D400 \U00020000 \ue000 \U000e0001 \x00 \x7f \u0378".split(" ")
for ch in chars:
    print(ascii(ch), u.category(ch), u.bidirectional(ch), u.east_asian_width(ch), u.combining(ch),
          u.mirrored(ch), repr(u.decomposition(ch)), u.decimal(ch, None), u.digit(ch, None),
          u.numeric(ch, None), u.name(ch, "?"))

for name in ["LATIN SMALL LETTER A", "latin capital letter e with acute", "EURO SIGN", "HANGUL SYLLABLE GAG",
             "CJK UNIFIED IDEOGRAPH-4E00", "GRINNING FACE", "NULL", "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA",
             "LATIN SMALL LETTER R WITH TILDE", "KEYCAP DIGIT ONE", b"EM DASH", "NO SUCH THING", "x" * 300, "é"]:
    try:
        print(ascii(name), ascii(u.lookup(name)))
    except KeyError as e:
        print(ascii(name)[:40], "KeyError", e)

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD.__module__)
print(isinstance(u.ucd_3_2_0, u.UCD), "\N{EM DASH}" == u.lookup("em dash"), "\N{LATIN CAPITAL LETTER GHA}")

def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

t(u.category, "ab"); t(u.category, 5); t(u.category, ""); t(u.name, "\x00"); t(u.name, "\x00", 5)
t(u.decimal, "a"); t(u.digit, "a"); t(u.numeric, "a"); t(u.decimal, "a", -1); t(u.lookup, 1)
t(u.normalize, "X", "a"); t(u.normalize, 1, "a"); t(u.normalize, "NFC", 1); t(u.is_normalized, "NFC", 1)
t(u.UCD); t(u.category); t(u.category, "a", "b"); t(u.name); t(u.name, "a", 1, 2); t(u.normalize, "NFC")
t(u.category, "\ud800"); t(u.name, "\ud800"); t(u.normalize, "NFC", "\ud800a\u0301"); t(u.mirrored, "\u2208")

# Counts over a stride of all planes.
from collections import Counter
cats, bidis, eaws, comb, dec = Counter(), Counter(), Counter(), Counter(), 0
for c in range(0, 0x110000, 31):
    ch = chr(c)
    cats[u.category(ch)] += 1
    bidis[u.bidirectional(ch)] += 1
    eaws[u.east_asian_width(ch)] += 1
    comb[u.combining(ch)] += 1
    dec += bool(u.decomposition(ch))
print(sorted(cats.items()))
print(sorted(bidis.items()))
print(sorted(eaws.items()))
print(sorted(comb.items()))
print(dec)
