# expect-stderr
def deep(n):
    if n == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"level {n}", [deep(n - 1)])
wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
try:
    raise ExceptionGroup("top", [deep(12), wide])
except ExceptionGroup as e:
    e.__cause__ = KeyError("cause")
    raise
