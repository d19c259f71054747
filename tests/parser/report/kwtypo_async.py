asynk def f():
    pass
