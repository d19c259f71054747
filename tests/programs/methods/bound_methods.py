class C:
    def __init__(self, v):
        self.v = v
    def get(self, extra=0):
        return self.v + extra
c = C(10)
m = c.get
print(m(), m(5), m.__self__ is c, m.__func__ is C.get, m.__name__, m.__qualname__, C.get(c, 1), type(m).__name__)
print(c.get == c.get, c.get is c.get, C(1).get == C(1).get)
f = C.get
print(f(C(3)), type(f).__name__)
c.get = lambda: "instance attr"
print(c.get(), C.get(c))
bound = [1, 2].append
bound(3)
print(bound.__self__, bound.__name__)
try:
    C.get()
except TypeError as e:
    print("TypeError", e)
