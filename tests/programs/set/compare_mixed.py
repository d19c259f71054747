# expect-stderr (SyntaxWarning from compiling "{1}[0]")
print({1, 2} == frozenset({1, 2}), frozenset({1}) < {1, 2}, {1} | frozenset({2}), set() == frozenset(), {1} == [1])
for bad in ["{1} < [1]", "{1} + {2}", "{1} * 2", "{1}[0]"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
