class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return x + self.n * times
a = Adder(5)
print(a(1), a(1, times=3), callable(a), callable(Adder), callable(5), callable("x".upper))
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError", e)
try:
    s = "abc"
    s()
except TypeError as e:
    print("TypeError", e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError", e)
