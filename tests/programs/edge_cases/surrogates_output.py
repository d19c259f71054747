# expect-stderr
s = "\udc80"
print(repr(s), ascii(s), len(s))
print(s)
