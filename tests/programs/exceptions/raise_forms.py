for code in ["raise ValueError", "raise ValueError('msg')", "raise ValueError('a', 2)", "raise 5", "raise object()", "raise ValueError from 1", "raise"]:
    try:
        exec(code)
    except BaseException as e:
        print(code, "->", type(e).__name__, repr(e), e.args)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised as instance:", type(e).__name__, e.args)
