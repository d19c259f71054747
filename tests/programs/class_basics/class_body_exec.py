print("before")
class Body:
    print("in body")
    x = 1
    for i in range(3):
        x += i
    del i
    if x > 2:
        big = True
    def f(self):
        return self.x
print("after", Body.x, Body.big, hasattr(Body, "i"), Body().f())
class Nested:
    class Inner:
        class Deepest:
            pass
print(Nested.Inner.Deepest.__qualname__, Nested.Inner.__name__)
