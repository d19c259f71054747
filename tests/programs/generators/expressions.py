gen = (x * x for x in range(5))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in ["a", "bbb", "cc"]), any(x > 3 for x in [1, 5]), all(x for x in []))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def lazy():
    print("evaluated")
    return [1, 2]
g = (x for x in lazy())
print("created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
