def f():
    try:
        return g()
    finally:
        x is 1
