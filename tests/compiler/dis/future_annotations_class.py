from __future__ import annotations
class C:
    x: int
    def f(self, a: C) -> C:
        return a
