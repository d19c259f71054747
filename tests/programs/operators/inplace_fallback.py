class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __repr__(self):
        return f"Acc({self.v})"
class NoI:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        print("mul")
        return NoI(self.v * o)
    def __repr__(self):
        return f"NoI({self.v})"
a = Acc(1)
b = a
a += 5
print(a, b, a is b)
n = NoI(2)
m = n
n *= 3
print(n, m, n is m)
class NI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fallback add"
x = NI()
x += 1
print(x)
t = ([],)
try:
    t[0] += [1]
except TypeError as e:
    print("TypeError", e)
print(t)
