# expect-stderr
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise OSError("disk") from z
except OSError:
    raise SystemError("final")
