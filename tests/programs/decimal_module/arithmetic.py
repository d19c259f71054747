# decimal: exact decimal arithmetic, the operators, comparisons with int/float/Fraction, conversions.
from decimal import Decimal as D
from fractions import Fraction

a, b = D("1.1"), D("2.20")
print(a + b, a - b, a * b, b / a, b // a, b % a, -a, +a, abs(D("-3.5")), a ** 2, D(2) ** D("0.5"))
print(D("0.1") + D("0.2") == D("0.3"), 0.1 + 0.2 == 0.3, divmod(D(7), D(-2)), divmod(D(-7), D(2)))
print(D(10) / 4, 10 / D(4), D(1) / 3, D("1.30") + D("1.20"), D("1.30") * D("1.20"))
print(D(3) == 3, D("3.0") == 3, D("0.5") == 0.5, D("0.1") == 0.1, D("1.5") < 2, D(2) > 1.5, D("0.5") == Fraction(1, 2))
print(sorted([D("2.5"), D(1), D("-3"), D("1.00")]), max(D(1), D("1.0")), min(D("0.1"), D("-0.1")))
print(int(D("-3.9")), float(D("2.5")), round(D("2.675"), 2), round(D("2.5")), round(D("3.5")), D("7.25").as_integer_ratio())
print(D("1.23E+5"), D("123456789012345678901234567890"), D("-0.000001234"), D("1e-7"), D("100").normalize(), D("1.2300").normalize())
print(D(0.1), D(-2**70), D((1, (3, 1, 4), -2)), D("  12  "), D("1_000"), D("inf"), D("-Infinity"), D("nan"))
print(D("1.25").as_tuple(), D("-0").as_tuple(), D("nan123").as_tuple(), D("12.5").adjusted(), D("0.001").adjusted())
print(D(5).sqrt(), D(2).ln(), D(100).log10(), D(1).exp(), D("8").fma(2, 1), D("2").compare(D("3")), D("1.5").copy_negate())
print(D("12.345").to_integral_value(), D("-12.5").to_integral_exact(), D("3.7").__floor__(), D("3.2").__ceil__(), D("-3.2").__trunc__())
print(D("1.5").is_finite(), D("inf").is_infinite(), D("snan").is_snan(), D("0").is_zero(), D("-1").is_signed(), D("1e-999999").is_subnormal())
print(D(17).max(D(3)), D(17).min(D(3)), D(-5).copy_abs(), D(5).copy_sign(D(-1)), D("1.000").same_quantum(D("2.000")))
print(D(123).scaleb(2), D(123).shift(1), D(123).rotate(-1), D(110).logical_and(D(11)), D(110).logical_or(D(11)), D(110).logical_xor(D(11)))
print(D("1.1").next_plus(), D("1.1").next_minus(), D(1).next_toward(D(2)), D(255).number_class(), D("-0").number_class(), D("1.0").radix())
print(str(D("1E+2")), D("1E+2").to_eng_string(), D("1.2E+7").to_eng_string(), D("0.00000012").to_eng_string())
print(bool(D(0)), bool(D("0.0")), bool(D("nan")), complex(D("1.5")), D(7).__index__ if hasattr(D, "__index__") else "no __index__")
