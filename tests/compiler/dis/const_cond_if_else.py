if True:
    a()
else:
    b()
if None:
    c()
