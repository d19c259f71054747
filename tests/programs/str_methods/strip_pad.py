s = "  \t hi there \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), "xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("cmowz."))
print(repr("hi".center(7)), repr("hi".center(8, "*")), repr("hi".ljust(5, "-")), repr("hi".rjust(5)), "42".zfill(5), "-42".zfill(6), "+x".zfill(4), "abc".zfill(2))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"), "a\tb\tc".expandtabs(), "a\tbb\tccc".expandtabs(4), "x\ty".expandtabs(0))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError", e)
