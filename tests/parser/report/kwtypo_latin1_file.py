# coding: latin-1
x = "é"
whille x: pass
