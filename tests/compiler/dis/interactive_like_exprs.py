x
x.y
x[1]
