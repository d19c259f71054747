def f():
    return £
