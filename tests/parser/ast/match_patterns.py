match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, -2: _, 3+4j: _, "s": _, None: _, a.b: _}:
        pass
    case (1 | 2 | 3) as n:
        pass
    case -1 | 1.5 | -2j | 1 - 2j | "a" "b" | b"x":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case _:
        pass
    case [*_]:
        pass
    case ():
        pass
    case []:
        pass
    case (x,):
        pass
    case x, y:
        pass
    case *x, y:
        pass
    case {}:
        pass
    case {**rest}:
        pass
    case C():
        pass
    case C(1, 2, a=3,):
        pass
    case [1, 2] if x > 1:
        pass
match (x):
    case 1: pass
match x, y:
    case 1, 2: pass
match *x, y:
    case _: pass
match = 1
match.x = 2
match[1] = 3
match(1)
