a = b.c
b.c = 1
del b.c
