for c in ["len()", "len(1, 2)", "len([], x=1)", "sorted([1], 1)", "abs(x=1)", "print(sep=1)", "int('1', base='x')", "divmod(1)", "isinstance(1)", "getattr(1)"]:
    try:
        eval(c)
    except TypeError as e:
        print(c, "->", e)
