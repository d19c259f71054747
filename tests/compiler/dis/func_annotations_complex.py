def f(a: 'str', *args: int, b: list[int] = [], **kw: dict) -> None:
    pass
