for c in ["a", " ", "\t", "\n", "\x7f", "\xa0", "\xad", "\u200b", "\u2028", "é", "😀", "\ud800", "\U000e0001"]:
    print(ascii(c), c.isprintable(), repr(c))
