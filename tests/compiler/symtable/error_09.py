def f():
    import *
