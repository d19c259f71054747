for x in y:
    if x:
    pass
