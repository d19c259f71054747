def f():
    passs 1
