# expect-stderr
try:
    raise ExceptionGroup("batch", [ValueError("v"), KeyError("k"), TypeError("t")])
except* ValueError as eg:
    print("handled", repr(eg))
