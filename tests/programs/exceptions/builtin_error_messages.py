cases = [
    "1 + 'a'", "len(5)", "[1, 2][5]", "{}['k']", "int('x')", "undefined_name", "None.attr", "'abc'.nope",
    "(1, 2).append(3)", "1 / 0", "{}[[]]", "import nonexistent_mod_xyz", "from math import nonexistent",
    "'a' * 'b'", "[].pop()", "next(iter([]))", "float('x')", "chr(-1)", "abs('a')", "sum(['a'])",
    "max([])", "min()", "object.__new__(int)", "iter(5)", "x, y = 1", "f'{1:z}'", "list.append()", "'%d' % 'x'",
]
for c in cases:
    try:
        exec(c)
    except BaseException as e:
        print(f"{c!r:35} {type(e).__name__}: {e}")
