def g():
    try:
        yield 1
    finally:
        raise ValueError("raised during close")
x = g()
next(x)
try:
    x.close()
except ValueError as e:
    print("ValueError", e)
def h():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("converted exit")
y = h()
next(y)
try:
    y.close()
except KeyError as e:
    print("KeyError", e)
