from typing import Any

x: int = 1
y: "str"


def f(a: int, /, b: str = "", *args: Any, c: float, **kw: bool) -> None:
    local: int = 1
    other: list[int]
    return local


class K:
    attr: int
    if True:
        cond: str = ""
    for i in range(2):
        looped: int


if x:
    top_cond: int = 2


def g():
    def h(p: K) -> K:
        return p
    return h
