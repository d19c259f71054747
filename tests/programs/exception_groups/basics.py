eg = ExceptionGroup("several", [ValueError("v"), TypeError("t"), ValueError("v2")])
print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__name__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, repr(beg))
auto = BaseExceptionGroup("auto", [ValueError()])
print(type(auto).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", ValueError())]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
