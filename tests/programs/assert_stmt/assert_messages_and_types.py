cases = [(False, None), (0, "zero"), ([], ["list", "msg"]), ("", 42), (None, ValueError("as message"))]
for cond, msg in cases:
    try:
        if msg is None:
            assert cond
        else:
            assert cond, msg
    except AssertionError as e:
        print(repr(e), e.args, type(e.args[0]).__name__ if e.args else None)
class Falsy:
    def __bool__(self):
        print("__bool__ called")
        return False
try:
    assert Falsy(), "falsy object"
except AssertionError as e:
    print(e)
