try:
    raise ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), TypeError(2)]), ValueError(3)])
except* ValueError as g:
    print(repr(g))
except* TypeError as g:
    print(repr(g))
try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* (TypeError, ValueError) as g:
        print("tuple handler", repr(g))
except Exception as e:
    print(e)
try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError", e)
