a, b = b, a
x, y, z = z, y, x
[p, q] = r
