try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise KeyError("new in handler")
    except* TypeError:
        pass
except BaseException as e:
    print(repr(e))
    for sub in getattr(e, "exceptions", ()):
        print("  ", repr(sub), repr(sub.__context__) if sub.__context__ else "")
try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("bare raise:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [OSError("os"), ValueError("v")])
    except* OSError as g:
        print("os handler", repr(g))
    else:
        print("no else")
    finally:
        print("finally")
except ExceptionGroup as e:
    print("rest:", repr(e))
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise KeyError("raised, TypeError unhandled")
except BaseException as e:
    print(repr(e))
    for sub in e.exceptions:
        print("  ", repr(sub), repr(sub.__context__) if sub.__context__ else "")
