from __future__ import annotations


class K:
    a: int
    b: K


def f(x: K) -> K:
    y: int = 1
    return y
