def f():
    for x in y:
        iff x:
            pass
