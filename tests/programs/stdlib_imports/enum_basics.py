import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Mode(enum.StrEnum):
    READ = 'r'
    WRITE = 'w'


print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], list(Color))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), len(Color))
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm(7), Perm.W in Perm(6))
print(Mode.READ, Mode('w'), Mode.READ == 'r', Mode.READ.upper(), isinstance(Mode.READ, str))
try:
    Color(4)
except ValueError as e:
    print(e)
print(type(Color).__name__, Color.__members__.keys())
