class A:
    def f(self):
        return __class__.__name__
class B(A):
    def f(self):
        return __class__.__name__ + ">" + super().f()
print(B().f())
def make():
    class Inner:
        def g(self):
            return __class__
    return Inner
I = make()
print(I().g() is I)
class P:
    def get(self):
        return "P"
class Q(P):
    def get(self):
        fn = lambda: super(Q, self).get()
        return "Q>" + fn()
print(Q().get())
class WithSuperInComp(P):
    def get(self):
        return [super().get() for _ in range(2)]
print(WithSuperInComp().get())
