def f():
    try:
        g()
    except E as e:
        return str(e)
    except F as e:
        raise
