if ... = b:
    pass
