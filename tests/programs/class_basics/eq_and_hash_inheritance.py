class A:
    def __eq__(self, other):
        return True
class B(A):
    pass
class C(A):
    __hash__ = object.__hash__
print(A.__hash__, B.__hash__, C.__hash__ is object.__hash__)
for cls in (A, B, C):
    try:
        hash(cls())
        print(cls.__name__, "hashable")
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
