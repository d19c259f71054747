l = [3, 2, 1]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print("ValueError", e)
print(l)
class Boom:
    def __lt__(self, other):
        raise RuntimeError("cmp failed")
try:
    sorted([Boom(), Boom()])
except RuntimeError as e:
    print("RuntimeError", e)
