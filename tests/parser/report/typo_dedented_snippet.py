def f():
    x = 1
    improt os
