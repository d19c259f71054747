import math
class Color:
    RED = "red"
    GREEN = "green"
class Limits:
    MAX = 100
def g(x):
    match x:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case math.pi:
            return "is pi"
        case Limits.MAX:
            return "at max"
        case _:
            return "none"
print(g("red"), g("green"), g(math.pi), g(100), g(3))
