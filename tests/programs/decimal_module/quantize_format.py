# decimal: quantize with each rounding mode, format() specs, str/repr, hashing equal to int/float/Fraction.
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, InvalidOperation, localcontext
from fractions import Fraction

for x in ["1.005", "2.675", "-2.5", "0.125", "123.456", "9.995", "-0.0049"]:
    print(x, D(x).quantize(D("0.01")), D(x).quantize(D("0.01"), ROUND_HALF_UP), D(x).quantize(D("1e-2"), rounding=ROUND_DOWN),
          D(x).quantize(D("1"), ROUND_CEILING), D(x).quantize(D("1E+1"), ROUND_HALF_EVEN))
try:
    D("1e30").quantize(D("0.01"))
except InvalidOperation:
    print("quantize overflow -> InvalidOperation")
with localcontext() as ctx:
    ctx.traps[InvalidOperation] = False
    print(D("1e30").quantize(D("0.01")))
specs = ["", "f", ".2f", ".0f", "10.3f", "<12.2f", ">12.2f", "^12.2f", "+.1f", " .1f", ",.2f", "_.3f", ".3e", ".2E",
         "g", ".3g", "%", ".1%", "012.2f", "n", "#.0f", "z.1f"]
for v in ["1234.5678", "-0.000123", "0", "1e20", "-0.04", "inf", "nan", "-1.5e-10"]:
    out = []
    for s in specs:
        try:
            out.append(format(D(v), s))
        except ValueError as e:
            out.append("ValueError")
    print(v, out)
print(f"{D('3.14159'):.3}", f"{D('12345.6789'):,}", f"{D('1.5'):08.3f}", "%s %r" % (D("1.10"), D("1.10")))
print([str(D(x)) for x in ["1E-7", "0.0000001", "1E+6", "123E-3", "-0E+3", "1.000E-10", "0E-8"]])
print(repr(D("1.0")), repr(D("-nan")), repr(D("sNaN")), repr(D("-Infinity")))
for v in [0, 1, -1, 7, 2**64, -2**100, 10**30]:
    assert hash(D(v)) == hash(v), v
for f in [0.5, -0.25, 1.5, 1e100, 2.0**-30, 123.125]:
    assert hash(D(f)) == hash(f), f
for fr in [Fraction(1, 4), Fraction(-3, 8), Fraction(5, 1)]:
    assert hash(D(fr.numerator) / D(fr.denominator)) == hash(fr), fr
print("hashes equal", hash(D("1.00")) == hash(D(1)), hash(D("inf")) == hash(float("inf")), hash(D("-inf")) == hash(float("-inf")))
print({D(1): "a", 1: "b", 1.0: "c"}, {D("0.5"), 0.5}, len({D("1.0"), D("1.00"), 1}))
try:
    hash(D("snan"))
except TypeError:
    print("sNaN unhashable")
import pickle, copy
x = D("-12.340")
print(pickle.loads(pickle.dumps(x)), copy.copy(x) is x, copy.deepcopy(x) is x)
