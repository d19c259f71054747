a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, {**{"x": 1}, "y": 2, **{"x": 3}}, [*"hi", *[]], (*a,))
print([*range(3), *(x * x for x in range(3))], {*"aab"} == {"a", "b"}, [*{1: "a", 2: "b"}], [*{1: "a"}.items()])
first, *_, last = [*a, *b]
print(first, last, _)
for bad in ["[*5]", "{**[1]}", "(*None,)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
