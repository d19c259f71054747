# print() writes each piece as it goes: str() of a later argument runs after the earlier
# pieces were written, and a file's write sees every piece.
import sys


class Loud:
    def __str__(self):
        print("(in __str__)")
        return "loud"


print("a", Loud(), "b")
print("x", "y", sep="--", end="!\n")
print(end="")
print()
print("no newline", end="")
print(" then one")


class Pieces:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


p = Pieces()
print(1, 2, 3, file=p)
print("a", "b", sep="", end="", file=p, flush=True)
print(file=p)
print(p.parts)
old = sys.stdout
sys.stdout = p
print("to pieces", 4)
sys.stdout = old
print(p.parts)
try:
    print("x", sep=3)
except TypeError as e:
    print(e)
try:
    print("x", end=b"")
except TypeError as e:
    print(e)
try:
    print("x", file=3)
except AttributeError as e:
    print(e)
sys.stdout = None
print("dropped")
sys.stdout = old
print("back")
del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    sys.stdout = old
    print(type(e).__name__, e)
