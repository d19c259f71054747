a, b = 1, "two"
t = t"start {a} mid {b} end"
print(t.values)
parts = list(t)
print([type(p).__name__ for p in parts])
print([p if isinstance(p, str) else p.value for p in parts])
w = 6
t3 = t"{a:{w}d}"
print(repr(t3.interpolations[0].format_spec), t3.interpolations[0].expression)
t4 = t"{a}{b}"
print(t4.strings, [p.value for p in t4 if not isinstance(p, str)])
