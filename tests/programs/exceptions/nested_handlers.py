def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise TypeError("one")
    return n
for n in range(3):
    try:
        try:
            print("result", risky(n))
        except ValueError as e:
            print("inner caught", e)
            raise RuntimeError("converted") from e
        finally:
            print("inner finally", n)
    except (RuntimeError, TypeError) as e:
        print("outer caught", type(e).__name__, e, "cause:", repr(e.__cause__))
