print(1 + 2.0, 3 * 1.5, 2 ** 0.5, 7 // 2.0, 7 % 2.5, -7 % 2.5, divmod(7, 2.5))
print(1 + 2j, 2 * (1 + 1j), 1 == 1 + 0j)
print(3 * "ab", [0] * 3, (1,) * 2, 2 * b"x")
for bad in ['1 + "a"', '"a" - 1', '[1] + 1', '1 < "a"', '1 @ 2', 'None + 1']:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
