match x:
    case [a, *_, b]:
        f(a, b)
    case [*_]:
        pass
    case []:
        pass
