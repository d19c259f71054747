if a:
    pass
elif a[0] = 2:
    pass
