for v in [3, -3, 2.5, "abc", "", [1, 2], (1,), {"a": 1}, 1j]:
    match v:
        case int(real=r) if r < 0:
            print(v, "negative int, real", r)
        case int(numerator=n, denominator=1):
            print(v, "int with numerator", n)
        case float(is_integer=f):
            print(v, "float, is_integer method bound:", callable(f))
        case str(upper=u) if v:
            print(v, "non-empty str", u())
        case complex(imag=i):
            print(v, "complex imag", i)
        case list() | tuple() as seq:
            print(v, "sequence of", len(seq))
        case _:
            print(v, "other")
