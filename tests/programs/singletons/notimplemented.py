print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented)
try:
    bool(NotImplemented)
except TypeError as e:
    print("TypeError", e)
class A:
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
    def __add__(self, other):
        return NotImplemented
class B:
    def __radd__(self, other):
        return "B.__radd__"
    def __eq__(self, other):
        print("B.__eq__")
        return NotImplemented
print(A() + B())
print(A() == B())
print(A() != B())
try:
    A() + 1
except TypeError as e:
    print("TypeError", e)
