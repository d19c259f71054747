def f():
    try:
        x = g()
    except E:
        return None
    else:
        return x
