import warnings, string
from string.templatelib import Interpolation
for f in [lambda: __import__(), lambda: __import__("os", name="x"), lambda: __import__("a",1,2,3,4,5),
          lambda: __import__("sys", bogus=1), lambda: warnings.warn(), lambda: warnings.warn("m", message="x"),
          lambda: warnings.warn("m", Warning, 1, None, 5), lambda: Interpolation(), lambda: Interpolation(1, value=2),
          lambda: Interpolation(1, x=2), lambda: open(), lambda: open("f", file="g"),
          lambda: __import__("re").compile("a").match(), lambda: __import__("re").compile("a").match("a", string="b")]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(Interpolation(1, "x").value, __import__("sys").__name__)
