import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 3), math.isqrt(99), math.isqrt(10**40))
print(math.factorial(20), math.comb(10, 3), math.perm(10, 3), math.comb(5, 7))
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
