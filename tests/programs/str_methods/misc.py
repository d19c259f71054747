print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("c"), "ab".__mul__(2), "ab".__rmul__(2))
print("a{}b".format(1), "x".__class__.__name__, str.__name__)
print("ABC".lower().upper() is not None, "Hello".swapcase(), "hello world".title(), "they're bill's friends".title())
print("%d items" % 3, "a" "b" 'c', """multi
line""", r"raw\n", len(r"\n"))
