print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, "x"]), all("abc"), any(x > 2 for x in range(4)))
def noisy(values):
    for v in values:
        print("yield", v)
        yield v
print(all(noisy([1, 0, 2])))
print(any(noisy([0, 3, 4])))
try:
    all(5)
except TypeError as e:
    print("TypeError", e)
