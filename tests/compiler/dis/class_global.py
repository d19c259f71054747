class C:
    global g
    g = 1
    x = g
