from __future__ import annotations
x: int = 1
y: list[str]
class C:
    a: int
def f(p: C) -> C:
    return p
