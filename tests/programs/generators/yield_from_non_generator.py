class Plain:
    def __iter__(self):
        return iter([1, 2, 3])
def delegate():
    result = yield from Plain()
    print("result of yield from a plain iterator:", result)
    return "end"
g = delegate()
print(next(g))
try:
    g.send("value")
except AttributeError as e:
    print("AttributeError", e)
g2 = delegate()
print(list(g2))
