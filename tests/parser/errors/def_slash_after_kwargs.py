def f(**a, /):
    pass
