match p:
    case (x, y):
        f(x, y)
    case [a, *rest]:
        g(a, rest)
    case {'k': v}:
        h(v)
    case Point(x=0, y=yy):
        k(yy)
