if 1:
    a()
if 0:
    b()
while 0:
    c()
