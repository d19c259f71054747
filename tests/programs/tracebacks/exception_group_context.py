# expect-stderr
try:
    raise ValueError("context first")
except ValueError:
    raise ExceptionGroup("grouped", [TypeError("a"), KeyError("b")])
