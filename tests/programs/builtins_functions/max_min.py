print(max(3, 1, 2), min(3, 1, 2), max([1, 5, 3]), min("hello"), max([], default="empty"), min((), default=None))
print(max(["a", "bbb", "cc"], key=len), min([(2, "b"), (1, "z")]), max([1, 3, 3.0], key=lambda v: v), max([3.0, 3]), min(2, 2.0))
print(max({"a": 3, "b": 1}), max({"a": 3, "b": 1}.items(), key=lambda p: p[1]))
for bad in ["max([])", "min()", "max(1)", "max(1, 'a')", "max([1], [2], default=0)", "min([], key=len)"]:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, "->", type(e).__name__, e)
