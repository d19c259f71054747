del a
del a, b
del a[0], b.c
