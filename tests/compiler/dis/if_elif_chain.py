if a:
    f()
elif b:
    g()
elif c:
    h()
