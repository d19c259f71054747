x = 1
clas A:
    pass
