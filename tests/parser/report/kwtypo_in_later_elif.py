def f(name):
    try:
        if name == 1:
            import a
        elif name == 2:
            import b
        elif name == 3:
            imprt c
    except ImportError:
        pass
