# expect-stderr
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)))
raise KeyError((1, 2))
