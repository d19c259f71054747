def f(a: int, b: str = '') -> bool:
    return True
