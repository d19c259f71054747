def f(a, b, /, c, *, d, e=5):
    pass
calls = ["f()", "f(1)", "f(1, 2)", "f(1, 2, 3)", "f(1, 2, 3, 4)", "f(1, 2, 3, d=4, z=1)", "f(1, b=2, c=3, d=4)", "f(1, 2, 3, c=3, d=4)", "f(1, 2, 3, d=1, d=2)" if False else "f(1, 2, 3, **{'d': 1}, **{'d': 2})", "f(*1)", "f(**1)", "f(1, 2, 3, **{1: 2})"]
for c in calls:
    try:
        eval(c)
        print(c, "ok")
    except TypeError as e:
        print(c, "->", e)
def g(x, y=1):
    pass
for c in ["g()", "g(1, 2, 3)", "g(y=2)", "g(1, x=1)", "g(1, q=1)"]:
    try:
        eval(c)
    except TypeError as e:
        print(c, "->", e)
