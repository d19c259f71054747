print("-".zfill(3), "+".zfill(3), "".zfill(3), "12".zfill(-1), "abc".center(6), "abc".center(7, "-"), "ab".center(5, "*"))
print(repr("\t".expandtabs(3)), repr("a\tb\nc\td".expandtabs(2)), repr("\r\tx".expandtabs(4)), repr("12345\t6".expandtabs(4)))
print("x".ljust(3, "é"), "x".rjust(3, "😀"), "%-5s|%5s|" % ("ab", "cd"), "{:^6}".format("odd"))
