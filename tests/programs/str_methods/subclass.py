class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hey")
print(s, repr(s), s.shout(), type(s + "x").__name__, type(s.upper()).__name__, type(s[0]).__name__, s == "hey", isinstance(s, str))
class Tag(str):
    def __new__(cls, value, tag):
        self = super().__new__(cls, value)
        self.tag = tag
        return self
    def __repr__(self):
        return "Tag(%s, %r)" % (str.__repr__(self), self.tag)
t = Tag("val", 7)
print(repr(t), t.tag, str(t), "%s" % t, f"{t}", f"{t!r}", len(t))
