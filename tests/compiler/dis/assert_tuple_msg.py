assert (x, y)
assert x, (y, z)
