if f'{a}' = b:
    pass
