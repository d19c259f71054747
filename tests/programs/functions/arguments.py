def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kw_collide(a, /, **kw):
    return a, kw
print(kw_collide(1, a=2))
def defaults(x, y=[]):
    y.append(x)
    return y
print(defaults(1), defaults(2), defaults(3, []))
