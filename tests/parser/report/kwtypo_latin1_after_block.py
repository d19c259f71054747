# coding: latin-1
x = "é"
if x:
    pass
fro y in x: pass
