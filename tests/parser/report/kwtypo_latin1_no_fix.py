# coding: latin-1
x = "é"
def f():
    if x:
        retrun 1 2
