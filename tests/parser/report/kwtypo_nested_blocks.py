def outer():
    for i in range(3):
        if i:
            pass
        else:
            whille i:
                i -= 1
