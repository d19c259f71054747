if x is not None and y is None:
    f()
