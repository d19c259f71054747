# math.sumprod: exact int sums, one rounding for floats (with ints alongside), the generic
# path for other types, and the errors.
import math
from fractions import Fraction
from decimal import Decimal

sp = math.sumprod
print(sp([1, 2, 3], [4, 5, 6]), sp(iter([10, 20, 30]), (1, 2, 3)), sp([], []))
print(sp([1.5, 2.5], [3.5, 4.5]), sp([-1], [1.0]), sp([1.0], [-1]))
print(sp([0.1] * 10, [1] * 10), sum([0.1] * 10))
print(sp([10**20], [1]), sp([10**10], [10**10]), sp([10**7] * 1000, [10**7] * 1000))
print(sp([1e308, 1e308, -1e308], [10, 1, -10]))
print(sp([10.1, math.inf], [20.2, 30.3]), sp([10.1, -math.inf], [20.2, 30.3]))
print(sp([10.1, math.inf], [-math.inf, math.inf]), sp([math.nan], [1.0]))
print(sp([Fraction(1, 3), 2], [3, Fraction(1, 2)]), sp([Decimal('1.1'), 2], [2, 3]))
print(sp([True, 2], [3, 4]), sp([1.5, True], [2, 3.0]))
print(repr(sp([1, 2.5], [3, 2])), repr(sp([2.5, 1], [2, 3])))
print(sp([3.0, 1e16, -1e16], [1.0, 1.0, 1.0]))
print(sp([0.1, 0.2, 0.3], [0.4, 0.5, 0.6]), 0.1 * 0.4 + 0.2 * 0.5 + 0.3 * 0.6)
for args in [(), ([],), ([], [], []), (None, [10]), ([10], None), (['x'], [1.0]),
             ([10, 20], [30]), ([10], [20, 30]), ([10**1000], [1.0]), (['abc', 3], [5, 10])]:
    try:
        print(sp(*args))
    except Exception as e:
        print(type(e).__name__, e)


def gen():
    yield 1
    raise RuntimeError('boom')


try:
    sp(gen(), [1, 2])
except RuntimeError as e:
    print('RuntimeError', e)
