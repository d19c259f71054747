s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), "abc".replace("", "|", 2), s.replace("x", "y"), s.replace("one", "1", count=1))
print(s.startswith("one"), s.startswith(("x", "one")), s.startswith("two", 4), s.endswith("one"), s.endswith(("two", "x"), 0, 7), s.startswith(""))
try:
    s.startswith(["one"])
except TypeError as e:
    print("TypeError", e)
