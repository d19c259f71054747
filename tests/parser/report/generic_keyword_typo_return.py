def f():
    retrun 1
