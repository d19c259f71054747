# expect-stderr
def f():
    try:
        raise ValueError("body")
    finally:
        raise TypeError("finally")
f()
