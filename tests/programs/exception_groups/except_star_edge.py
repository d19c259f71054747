import sys
def show(f):
    try:
        f()
    except BaseException as e:
        print("escaped:", repr(e))
        return e
def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
show(naked_unmatched)
def naked_sys_exception():
    try:
        raise ValueError("v")
    except* ValueError as eg:
        print("sys.exception is eg:", sys.exception() is eg, repr(sys.exception()))
    print("after", sys.exception())
naked_sys_exception()
def two_raise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from V")
    except* TypeError:
        raise IndexError("from T")
e = show(two_raise)
for sub in e.exceptions:
    print("  ", repr(sub), "context:", repr(sub.__context__))
def raise_from():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as g:
        raise RuntimeError("wrapped") from g
e = show(raise_from)
print(repr(e.__cause__))
def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
        except* TypeError as g:
            print("inner handler", repr(g))
    except* ValueError as g:
        print("outer handler", repr(g))
nested()
def base_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as g:
        print("kb", repr(g))
e = show(base_group)
def bad_type():
    try:
        raise ValueError(1)
    except* int:
        pass
show(bad_type)
def matched_all_reraise_one():
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        print(repr(g))
        raise
show(matched_all_reraise_one)
def in_loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            out.append(i)
        except* ValueError:
            out.append("v")
    return out
print(in_loop())
def else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")
else_finally()
eg = ExceptionGroup("m", [ValueError(1), TypeError(2)])
try:
    raise eg
except* (ValueError, TypeError) as g:
    print("same object:", g is eg)
