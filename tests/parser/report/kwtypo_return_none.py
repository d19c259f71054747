def f(x):
    retrun x if x else Noen
