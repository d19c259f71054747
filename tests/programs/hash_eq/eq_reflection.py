class A:
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
class B(A):
    def __eq__(self, o):
        print("B.__eq__")
        return NotImplemented
print(A() == B())
print(B() == A())
print(A() != A())
class C:
    def __eq__(self, o):
        return 42
print(C() == 1, C() != 1, 1 == C(), [C()] == [C()])
