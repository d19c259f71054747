while True:
    if f():
        break
    g()
