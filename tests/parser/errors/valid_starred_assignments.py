*a, b = c
a, *b = c
[*a] = b
for *x, y in z: pass
x = *a, *b
