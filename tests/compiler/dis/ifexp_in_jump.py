if (a if b else c):
    f()
while (x if y else z):
    g()
