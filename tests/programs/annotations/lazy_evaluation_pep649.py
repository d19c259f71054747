def f(x: UndefinedYet) -> AlsoUndefined:
    return x
print("defined without error")
try:
    f.__annotations__
except NameError as e:
    print("NameError", e)
UndefinedYet = int
AlsoUndefined = str
print(f.__annotations__)
class C:
    attr: Later
    other: int = 5
Later = list
print(C.__annotations__, C.other)
