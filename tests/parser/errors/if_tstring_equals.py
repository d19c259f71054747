if t'{a}' = b:
    pass
