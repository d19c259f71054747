words = ("w%d" % i for i in range(5))
print("-".join(words), " ".join([]), "".join(["a"]), ",".join(str(x) for x in [1.5, None, True]))
print("|".join({"k1": 1, "k2": 2}), ", ".join(sorted({"b", "a", "c"})), "".join(reversed("stressed")))
class S(str):
    pass
print(type("".join([S("a"), S("b")])).__name__, type(S("x").join(["a", "b"])).__name__)
