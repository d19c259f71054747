for target, name in [(1, "x"), ("s", "y"), ([], "z"), (len, "w"), (int, "q")]:
    try:
        setattr(target, name, 1)
        print("set ok on", type(target).__name__)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
len.__doc__ if False else None
def f():
    pass
setattr(f, "attr", 5)
print(f.attr)
