import sys
x: int = 1
y: "forward"
z: list[int]
mod = sys.modules[__name__]
print(mod.__annotations__)
def f():
    local: int = 5
    unassigned: str
    return local
print(f(), f.__annotations__)
