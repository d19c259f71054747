try:
    raise ValueError("x")
except ValueError as err:
    kept = err
try:
    err
except NameError as e:
    print("NameError", e)
print(repr(kept))
err = "preexisting"
try:
    raise KeyError
except KeyError as err:
    pass
print("err" in dir())
