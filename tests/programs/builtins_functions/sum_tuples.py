# sum() over tuples: tagged ints added in place, and every case that leaves that path (big
# totals, floats, bools, a start value, subclasses with their own __iter__, non-numbers).
import sys


def kwsum(*args, **kwargs):
    return sum(args) + sum(kwargs.values())


print(kwsum(1, 2, 3, x=4, y=5), kwsum(), kwsum(x=1))
print(sum((1, 2, 3)), sum(()), sum((), 7), sum((1, 2), 10), sum((1, 2), start=-3))
big = sys.maxsize
print(sum((big, big, 1)), sum((2**62, 2**62)), sum((-(2**62), -(2**62), -1)))
print(sum((1, 2.5, 3)), sum((True, True, 3)), sum((1, 2**70, -(2**70))))
print(sum((1, 2), 0.5), sum(((1, 2), (3,)), ()))


class Rev(tuple):
    def __iter__(self):
        print("Rev.__iter__")
        return iter(reversed(list(tuple.__iter__(self))))


class Sub(tuple):
    pass


print(sum(Rev((1, 2, 3))), sum(Sub((4, 5))), sum(Rev((0.5, 1)), 1))
for bad in [(1, "a"), ("a", 1), (1, None)]:
    try:
        sum(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sum((1, 2), "")
except TypeError as e:
    print("TypeError:", e)
