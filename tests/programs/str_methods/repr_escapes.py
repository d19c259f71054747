for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\x00\x07\x1b\x7f", "é😀", "\u200b\ud800", "\\", "\r", "\xa0\xad"]:
    print(repr(s), ascii(s), len(s))
print(str("x"), str(b"x"), str(5), str([1, "a"]), repr([1, "a"]), str(), str(object="y"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(bytearray(b"xy"), "ascii"))
