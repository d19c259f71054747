match x:
    case 1:
        a()
    case 'a' | 'b':
        b()
    case _:
        c()
