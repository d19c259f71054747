import operator
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], "abcdef"[Idx(-1)], operator.index(Idx(5)))
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3))[-1], [1, 2] * Idx(2))
try:
    lst[1.0]
except TypeError as e:
    print(e)
try:
    operator.index(2.5)
except TypeError as e:
    print(e)
class BadIdx:
    def __index__(self):
        return "x"
try:
    lst[BadIdx()]
except TypeError as e:
    print(e)
