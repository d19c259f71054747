import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(math.e))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.fabs(-2), math.copysign(1, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3), math.remainder(7, 4))
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.exp, 1000)]:
    try:
        f(arg)
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
