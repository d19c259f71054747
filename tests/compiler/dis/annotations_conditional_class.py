class C:
    x: int
    if y:
        z: str = ''
