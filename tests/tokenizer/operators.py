a = b + c - d * e / f // g % h ** i @ j
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1; a := 1
x = a < b > c <= d >= e == f != g
x = ~a & b | c ^ d << e >> f
def f(x) -> int: return x[1:2], {a: b}, (c,); ...
x.y.z
1 <> 2
!x
$ ? `
