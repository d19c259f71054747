t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdabcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}), "abc".translate({97: 65}))
t2 = str.maketrans({"a": "1", "b": None})
print(sorted(t2.items()), "abcab".translate(t2))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError", e)
class Tbl:
    def __getitem__(self, k):
        if k == ord("x"):
            raise LookupError
        return k + 1
print("axb".translate(Tbl()))
