class A:
    def f(self):
        return 1
    @classmethod
    def c(cls):
        return 2

class B(A):
    def f(self):
        m = super().f
        return super().f() + m()
    @classmethod
    def c(cls):
        return super().c()
    def two_arg(self):
        return super(B, self).f()
