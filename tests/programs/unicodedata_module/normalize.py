# unicodedata.normalize / is_normalized: the four forms on chosen strings and on random mixes of
# composable letters, combining marks (in and out of canonical order) and Hangul jamo.
import random
import unicodedata as u

FORMS = ("NFC", "NFD", "NFKC", "NFKD")
samples = ["café", "cafe\u0301", "Å", "A\u030a", "\u212b", "\ufb01", "①", "ｶﾞ", "ガ", "\u1100\u1161\u11a8",
           "각", "\u1100\u1161\u11a7", "q\u0307\u0323", "q\u0323\u0307", "\u0344", "\u0f73", "ẛ\u0323",
           "\u00c5\u0327", "e\u0301\u0301", "ǆ", "x\u0303\u0315\u0301", "\U0001d400", "\u2126", "⁵", "Ⅸ",
           "\u0958", "\u2adc", "\U0001109a", "\U0001d15e", "\u0b47\u0b3e", "\u09c7\u09be", "a\u0000b",
           "\ud800\u0301", "", "plain ascii"]
for s in samples:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in FORMS], [u.is_normalized(f, s) for f in FORMS])

pool = [chr(c) for c in range(0x300, 0x370)] + list("aeiouAEIOUnNcCsSzZ") + [chr(c) for c in range(0x1e00, 0x1e20)]
pool += [chr(c) for c in (0x1100, 0x1101, 0x1161, 0x1162, 0x11a8, 0x11a9, 0xac00, 0xac01, 0x0591, 0x05b0, 0x0f71, 0x0f72)]
pool += ["\u3099", "\u309a", "か", "は", "\u0dca", "\u0dcf", "\u0dd9", "\u1025", "\u102e", "\ufb2a", "\u2000", "ﬀ", "ㄱ"]
r = random.Random(1234)

for i in range(1500):
    s = "".join(r.choice(pool) for _ in range(r.randint(1, 7)))
    outs = tuple(ascii(u.normalize(f, s)) for f in FORMS)
    if i % 100 == 0:
        print(ascii(s), outs)
    # The forms must be stable and consistent with is_normalized.
    for f in FORMS:
        n = u.normalize(f, s)
        assert u.normalize(f, n) == n, (f, ascii(s))
        assert u.is_normalized(f, n), (f, ascii(s))
        assert u.is_normalized(f, s) == (n == s), (f, ascii(s))
print("random mixes ok")
