# full Unicode case mappings, final sigma, title/capitalize with digraphs, predicates per category
words = ["straße", "ǆemal", "ΟΔΟΣ ΣΑΣ.", "İstanbul", "ﬃx", "ŉ", "ǰ", "ᾳ", "MAΣ'Σ", "Σ", "aΣ b", "ß", "ﬀ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
for s in ["Ǆ", "ǅ", "ǆ", "ᾈ", "Ab1", "a1B", "ǅungla Ǉubav", "He's", "", "123", "ΑΒ Γδ"]:
    print(repr(s), s.islower(), s.isupper(), s.istitle())
for s in ["٣", "³", "½", "Ⅻ", "〇", "a", "ª", "ǅ", "\u0300", " ", "\u00a0", "\u2028", "\x1c", "\u200b", "\ud800", "_x", "x1", "1x", "ℕ"]:
    print(repr(s), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(), s.isprintable(), s.isidentifier(), s.isascii())
print("".isprintable(), "".isspace(), "".isidentifier(), "\t".isprintable(), "é".isascii())
try:
    "x".lower(1)
except TypeError as e:
    print("TypeError", e)
