class Unhashable:
    __hash__ = None
d = {}
for op in ["d[Unhashable()] = 1", "Unhashable() in d", "d.get(Unhashable())", "d.pop(Unhashable(), 1)", "hash(Unhashable())", "{Unhashable()}"]:
    try:
        exec(op)
    except TypeError as e:
        print(op, "->", e)
class BadHash:
    def __hash__(self):
        raise ValueError("no hash for you")
try:
    {BadHash(): 1}
except ValueError as e:
    print("ValueError", e)
class StrHash:
    def __hash__(self):
        return "x"
try:
    hash(StrHash())
except TypeError as e:
    print("TypeError", e)
