s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.rfind("hello"), s.find("o", 5, 10), s.find(""), s.rfind(""), s.find("", 100))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""), s.count("l", 3, 10), "aaaa".count("aa"))
for args in [("xyz",), ("h", 1, 2)]:
    try:
        s.index(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError", e)
print(s.find("o", -5), s.find("o", None, None), "abc".find("c", -1))
