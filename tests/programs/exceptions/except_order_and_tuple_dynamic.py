errors = (KeyError, IndexError)
def check(exc):
    try:
        raise exc
    except errors as e:
        return f"lookup-ish {type(e).__name__}"
    except ArithmeticError:
        return "arith"
    except Exception as e:
        return f"other {type(e).__name__}"
print([check(e) for e in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), TypeError()]])
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print("TypeError", e)
