def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("fail")
    except ValueError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
run(False)
run(True)
try:
    pass
finally:
    print("bare finally")
try:
    raise KeyError("k")
except (TypeError, KeyError) as e:
    print("tuple match", type(e).__name__)
try:
    raise IndexError
except LookupError as e:
    print("base class match", type(e).__name__, repr(e))
try:
    raise ZeroDivisionError
except:
    print("bare except")
