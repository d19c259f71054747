print("".count(""), "abc".count("", 1), "abc".count("", 5), "aaa".count("a", -2), "abcabc".count("bc", 2), "aaa".find("aa", 1), "aaa".rfind("aa"))
print("a" * 3 == "aaa", "x".join("abc"), "ab".ljust(-5), "ab"[::-1].upper())
