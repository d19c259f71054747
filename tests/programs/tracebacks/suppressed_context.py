# expect-stderr
try:
    1 / 0
except ZeroDivisionError:
    raise LookupError("clean") from None
