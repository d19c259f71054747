if a:
    if b:
        pass
    x = 1
whille x:
    pass
