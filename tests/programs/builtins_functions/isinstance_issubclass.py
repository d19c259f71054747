class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(A, A), issubclass(A, object), isinstance(A, type))
print(isinstance(1, (str, int)), isinstance("x", ()), issubclass(int, ((float,), int)), isinstance([], list | dict))
print(isinstance(3, float), isinstance(True, int), isinstance(1.0, int), issubclass(bool, (int,)))
