print("a b c".split(None, 0), "a b c".split(" ", -1), "  a  ".split(" "), "a,b,c".split(",", 0), "abc".rsplit("b", -1))
print(" a b ".rsplit(None, 1), "a  b".split(" "), "x".split("x"), "xx".split("x"), "\n\na\n".split("\n"))
print("a\r\nb".split(), "1,2,,3,".split(","), "one two".partition(" "), "k=v=w".split("=", 1), "k=v=w".rsplit("=", 1))
