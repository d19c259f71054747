x: int = 1
y: "str"
z: list[int]

class C:
    a: int
    b: str = "s"

def f(p: int) -> None:
    q: int = 2
    return None
