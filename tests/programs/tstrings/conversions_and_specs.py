name = "Ada"
n = 3.14159
t = t"{name!r} {name!s} {name!a} {n:.2f} {n!r:>10} {name=}"
for i in t.interpolations:
    print(repr(i.value), repr(i.expression), repr(i.conversion), repr(i.format_spec))
print(t.strings)
