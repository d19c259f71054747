@d
def f():
    pass
improt os
