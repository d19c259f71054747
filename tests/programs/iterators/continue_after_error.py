# Built-in and itertools iterators stay usable after an exception from the function or the
# source they call: the next call goes on with the following items.
import itertools

def f(x):
    if x == 2:
        raise ValueError(x)
    return x * 10

def drain(it):
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            return out
        except ValueError as e:
            out.append(f"error {e}")

print(drain(map(f, [1, 2, 3])))
print(drain(filter(lambda x: f(x) > 0, [1, 2, 3])))
print(drain(itertools.starmap(lambda a, b: f(a + b), [(0, 1), (1, 1), (2, 1)])))
print(drain(itertools.takewhile(lambda x: f(x) < 100, [1, 2, 3])))
print(drain(itertools.filterfalse(lambda x: f(x) > 20, [1, 2, 3])))
print(drain(zip([1, 2, 3], map(f, [1, 2, 3]))))
print(drain(enumerate(map(f, [1, 2, 3]))))
print(drain(itertools.chain(map(f, [1, 2]), [7])))
