deff f():
    pass
