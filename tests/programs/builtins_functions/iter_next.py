it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
counter = iter(range(3))
print(list(iter(lambda: next(counter, None), None)))
try:
    iter(lambda: 1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError", e)
