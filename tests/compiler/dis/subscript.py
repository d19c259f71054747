a = b[0]
b[1] = 2
del b[2]
c = d[e]
