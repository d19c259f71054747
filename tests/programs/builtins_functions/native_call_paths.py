# Built-in methods and functions called through CALL's direct native route: method
# descriptors with their self, unbound descriptors with a wrong or missing self, builtin
# functions, bound native methods, subclasses of built-in types, errors raised inside.


class S(str):
    pass


class L(list):
    def append(self, x):
        super().append(x * 10)


words = "a b c".split()
print(words, "-".join(words), "AbC".lower(), S("XyZ").lower(), type(S("q").upper()).__name__)
d = {}
for w in words * 3:
    d[w] = d.get(w, 0) + 1
print(sorted(d.items()), d.get("zz"), d.get("zz", 7))
l = L()
l.append(2)
list.append(l, 3)
print(l)
print(str.lower("ABC"), str.join(",", ["x", "y"]))
for call in (
    lambda: str.lower(5),
    lambda: str.lower(),
    lambda: list.append([], 1, 2),
    lambda: "a".join([1]),
    lambda: {}.get(),
    lambda: [].pop(),
    lambda: len(5),
    lambda: "abc".split(maxsplit="x"),
    lambda: dict.get(5, 1),
):
    try:
        print(call())
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
app = [].append
app(1)
m = "x y".split
print(m(), len("abcd"), abs(-3), isinstance(3, int), max(1, 5, 2), min([4, 2, 8]))


def deep(n):
    return deep(n + 1) if n < 10**6 else n


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", "maximum recursion depth" in str(e))
print(sorted(map(abs, [-3, 1, -2])), list(map(str.upper, ["a", "b"])))
