a, b = 7, 3
c = (a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b, a @ b)
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 5; a **= 2; a <<= 1; a >>= 1; a &= 7; a |= 8; a ^= 1; a @= b
d = (-a, +a, ~a, not a)
e = (a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in c, a not in c)
f = 1 < a < 10
if a < b and b > 2 or not c:
    pass
x = [0] * 3
x[0] += 1
x.y = 1
