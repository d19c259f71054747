print("ab" + "cd", "ab" * 3, 3 * "x", "ab" * 0, "ab" * -1, "b" in "abc", "" in "abc", "d" not in "abc")
print("abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "abc" == "abc", "a" != "b", max("hello"), min("hello"))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted("hello"), "%s" % "x")
for bad in ['"a" + 1', '"a" * 1.5', '"a" < 1', '"a" * "b"', '1 in "abc"', '"abc" - "c"']:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
