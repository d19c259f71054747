print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" <- continued")
print("x", "y", sep="", end="!\n")
print()
print(1, 2.5, None, True, [1], sep=" | ")
print(*range(5), sep=",")
import sys
print("to stdout explicitly", file=sys.stdout)
print("flushed", flush=True)
print("sep None", "end None", sep=None, end=None)
try:
    print("x", end=5)
except TypeError as e:
    print("TypeError", e)
class S:
    def __str__(self):
        return "S.__str__"
print(S(), [S()][0])
