pairs = [("a", "b"), ("Z", "a"), ("é", "f"), ("ß", "ss"), ("", "a"), ("abc", "abcd"), ("🐍", "\uffff"), ("a\x00", "a")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a == b, a > b, a.casefold() == b.casefold())
print(sorted(["éclair", "eclair", "Eclair", "zebra", "Zebra", "apple"]))
