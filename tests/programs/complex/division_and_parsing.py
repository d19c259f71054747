# complex division special cases, mixed real/complex arithmetic and text parsing
inf, nan = float("inf"), float("nan")
print(1 / complex(2, 0.0), complex(1, 0.0) / complex(2, 0.0), 1 / complex(0.0, 2), 5 - complex(1, 0.0))
print(complex(-0.0, -0.0) + 0.0, complex(1, -0.0) * 2, 2 * complex(1, -0.0), 1 / complex(inf, 0))
print(complex(inf, 1) / complex(1, 1), complex(1, 1) / complex(inf, inf), (1e300 + 1e300j) / (1e300 + 1e300j))
for s in ["1_0+2j", "-1.5e-3-2.5E+2J", "(  -j )", "nan+infj", "1e5", "+j", "1+j", " 3.0 ", "١+٢j"]:
    print(repr(s), complex(s))
for s in ["1__0", "1_", "", "(1", "1j2", "j j", "1+2", "--1"]:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), "ValueError", e)
for args in [("1", 2), (1, "2"), (None,), ([],), (1, [])]:
    try:
        complex(*args)
    except TypeError as e:
        print(args, "TypeError", e)
print(complex(1.5, 2), complex(real=1, imag=2), complex(2.5), complex(True), complex.from_number(3), complex.from_number(2j))
print(hash(1.5 + 2j), hash(complex(-1, 0)), hash(complex(0, -1)), hash(3 + 0j) == hash(3), {1 + 0j: "a"}[1])
print((2j).__getnewargs__(), (1 + 2j).__complex__(), (1 - 2j).conjugate(), (3 + 4j).real, (3 + 4j).imag)
for e in ["(0j) ** -1", "0j ** 1j", "(1e300j) ** 1000", "pow(1j, 2, 3)", "abs(complex(1e308, 1e308))", "divmod(1j, 1)", "1j < 1j"]:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
print(complex(1, 1) ** 101, 2 ** 0.5j, (-8) ** (1 / 3), (-1.0) ** 0.5, complex(1, 2) ** complex(0, 0))
print(format(1 + 2j, ">20.3f"), format(-1.5j, "e"), f"{3 + 4j:+g}", format(complex(inf, nan), ""), repr(complex(-0.0, 0.0)))
