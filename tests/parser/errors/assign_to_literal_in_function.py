def f():
    x = 1
    'abc' = x
