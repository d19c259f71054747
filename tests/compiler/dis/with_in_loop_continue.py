for i in x:
    with a as b:
        if b:
            continue
        f()
