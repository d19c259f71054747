a, *b = c
*a, b = c
[a, *b] = c
(a, *b), c = d
x = *a, *b
print(*args, **kwargs)
f(*a, *b, c=1, *d, **e, **f)
[*a, *b]
{*a, *b}
{**a, 'b': 1, **c}
x[*a]
x[a, *b]
x[*a, b:c]
return_ = (*a,)
for *x, y in z: pass
def f(*args: *Ts): pass
