name = "World"
t = t"Hello {name}!"
print(type(t).__name__, t.strings, len(t.interpolations))
i = t.interpolations[0]
print(type(i).__name__, i.value, i.expression, i.conversion, i.format_spec)
x = 3.14159
t2 = t"{x:.2f} and {name!r} and {x + 1 = }"
for i in t2.interpolations:
    print(repr(i.value), repr(i.expression), repr(i.conversion), repr(i.format_spec))
print(t2.strings)
print(t"".strings, t"{1}{2}".strings, t"a" t"b" .strings)
