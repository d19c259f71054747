class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{name} is {age}".format_map(Default(name="Ann")))
print("{0}{1}{0}".format("ab", "cd"), "{a[0]}{b.real}".format(a=[9], b=3), "{!r:>6}".format("x"))
