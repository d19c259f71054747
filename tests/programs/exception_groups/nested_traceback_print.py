# expect-stderr
try:
    raise ValueError("first")
except ValueError as e:
    inner = e
try:
    raise KeyError("second")
except KeyError as e:
    other = e
g = ExceptionGroup("outer", [inner, ExceptionGroup("inner", [other, ZeroDivisionError("third")])])
g.add_note("a note on the outer group")
raise g
