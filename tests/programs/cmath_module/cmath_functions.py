# cmath: every function on ordinary and special values (C99 Annex G), the errors, the
# constants, argument conversion, isclose/polar/rect/phase.
import cmath
import math

print(sorted(n for n in dir(cmath) if not n.startswith('_')))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log',
         'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh']
inf, nan = math.inf, math.nan
values = [0j, complex(-0.0, -0.0), 1 + 0j, -1 + 0j, 0.5 + 0.25j, -2 - 3j, 1e-320 + 1e-320j,
          1e308 + 1e308j, complex(inf, 0), complex(-inf, 1), complex(inf, inf),
          complex(nan, 0), complex(0, nan), complex(2, inf), complex(-inf, nan), 800 + 1j,
          -800 - 1j, 1e155 + 1e155j]
for name in names:
    f = getattr(cmath, name)
    row = []
    for z in values:
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(row))
for args in [(1, 0), (-1, math.pi / 2), (inf, 1), (-inf, 0.0), (2, inf), (nan, 0), (0, nan),
             (1e308, 1e308)]:
    try:
        print('rect', args, cmath.rect(*args))
    except (ValueError, OverflowError) as e:
        print('rect', args, type(e).__name__, e)
for z in [1j, -1, complex(-1, -0.0), complex(inf, nan), 3 + 4j, 1e308 + 1e308j]:
    try:
        print(cmath.phase(z), cmath.polar(z))
    except OverflowError as e:
        print('OverflowError', e)
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log10(100), cmath.sqrt(-4), cmath.exp(1))
for z in [1, 2.5, True, 10**20]:
    print(cmath.sqrt(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.isinf(complex(1, inf)), cmath.isnan(complex(nan, 1)), cmath.isfinite(complex(1, nan)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(0j, 1e-10j, abs_tol=1e-9))


class C:
    def __complex__(self):
        return 2j


class F:
    def __float__(self):
        return 4.0


class I:
    def __index__(self):
        return 9


class Bad:
    def __complex__(self):
        return 1


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()))
for bad in [lambda: cmath.sqrt('x'), lambda: cmath.sqrt(Bad()), lambda: cmath.sqrt(),
            lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.log(0),
            lambda: cmath.log(1, 0), lambda: cmath.sqrt(10**400), lambda: cmath.rect('a', 1),
            lambda: cmath.isclose(1, 2, 3), lambda: cmath.exp(1000), lambda: cmath.cosh(1000)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
