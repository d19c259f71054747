x = "module"
class A:
    x = "class"
    y = x
    def method(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(A.y, A().method(), A.z, A.w)
class B:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * n for v in vals for n in vals]
    except NameError as e:
        bad = str(e)
print(B.doubled, B.bad)
def f():
    v = "enclosing"
    class C:
        v = "class attr"
        def get(self):
            return v
    return C().get(), C.v
print(f())
