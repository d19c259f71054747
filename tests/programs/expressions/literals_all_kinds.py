print(0, -1, 1_000, 0b101, 0o17, 0xFF, 1.5, 1e3, 1.5e-3, .5, 5., 1j, 1.5j, 1e2j)
print("s", 's', """t""", '''u''', r"\n", b"b", rb"\d", br"\w", f"{1}", "\x41\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\101")
print([], [1,], (), (1,), {}, {1}, {1: 2}, {**{}}, [*()], True, False, None, ..., "implicit" "concat" 'enation')
print(type(1_0.0_1).__name__, 1_0.0_1, 0_0, 0e0, 0j, 00.5)
