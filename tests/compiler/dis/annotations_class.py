class C:
    x: int
    y: str = ''
