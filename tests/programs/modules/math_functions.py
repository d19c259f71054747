import math
print(math.acosh(2), math.asinh(1), math.atanh(0.5), math.cbrt(27), math.cosh(1), math.sinh(1), math.tanh(0.5))
print(math.exp2(10), math.expm1(1e-10), math.log1p(1e-10), math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(10))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fma(2, 3, 4), math.nextafter(1, 2), math.nextafter(0, 1, steps=2), math.ulp(1.0))
for f, a in [(math.acosh, (0,)), (math.fmod, (1, 0)), (math.gamma, (0,)), (math.ldexp, (1.0, 1.5)), (math.atanh, (1,)), (math.exp2, (2000,))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)
