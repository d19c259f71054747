while x:
    if y:
        pass
    elif z:
        contine
        brek x
