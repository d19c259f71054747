t = str.maketrans("ab", "AB", "xyz")
print("abxyzc".translate(t), str.maketrans("", "", "aeiou") == {ord(c): None for c in "aeiou"}, "education".translate(str.maketrans("", "", "aeiou")))
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print("ValueError", e)
try:
    str.maketrans(1)
except TypeError as e:
    print("TypeError", e)
