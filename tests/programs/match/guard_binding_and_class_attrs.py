from collections import namedtuple
P = namedtuple("P", "x y")
def where(p):
    match p:
        case P(x=0, y=0):
            return "origin"
        case P(x, y) if x == y:
            return f"diag {x}"
        case P(x=x, y=0):
            return f"x-axis {x}"
        case P(_, y):
            return f"elsewhere y={y}"
print([where(p) for p in [P(0, 0), P(2, 2), P(5, 0), P(1, 9)]], P.__match_args__)
match {"a": [1, {"b": 2}]}:
    case {"a": [_, {"b": int() as b}]}:
        print("deep b", b)
