class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"y={y}"
        case [1, 2, *rest]:
            return rest
        case (a, b):
            return a + b
        case {"k": v, **others}:
            return v, others
        case {"a": 1}:
            return 1
        case str() | bytes() as s if len(s) > 2:
            return s
        case 1 | 2 | 3:
            return "small"
        case None:
            return None
        case True:
            return True
        case -1.5:
            return "neg"
        case Point.x:
            return "attr"
        case _:
            return "other"
