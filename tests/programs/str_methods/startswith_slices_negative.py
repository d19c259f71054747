s = "hello world"
print(s.startswith("world", 6), s.startswith("world", -5), s.endswith("hello", 0, 5), s.endswith("o", -7, -5), s.startswith(("a", "h"), 0, 1))
print(s.find("o", -4), s.rfind("o", 0, 5), s.count("l", -3), s.index("w", -5, -1), s[-5:].upper())
