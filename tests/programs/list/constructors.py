print(list(), list("abc"), list((1, 2)), list(range(3)), list({1: "a", 2: "b"}), list(x * x for x in range(4)), list(map(abs, [-1, -2])))
print([*range(3), *"ab"], [1, *[], 2], list(reversed([1, 2, 3])), list(enumerate("xy", 1)))
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
class It:
    def __iter__(self):
        return iter([7, 8])
print(list(It()), [*It()])
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
