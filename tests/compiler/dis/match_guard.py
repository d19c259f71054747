match x:
    case [a, b] if a > b:
        f(a)
    case {'x': 1, **rest}:
        g(rest)
    case C(1, y=2) as c:
        h(c)
    case -1 | 1.5 | 2j:
        pass
    case None | True:
        pass
