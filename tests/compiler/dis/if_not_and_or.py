if not a and (b or c):
    f()
