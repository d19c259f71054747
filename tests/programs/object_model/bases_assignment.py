class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
class C(A):
    pass
c = C()
print(c.f())
C.__bases__ = (B,)
print(c.f(), C.__mro__)
try:
    C.__bases__ = ()
except TypeError as e:
    print("TypeError", e)
