m = __import__("math")
print(m.__name__, m.sqrt(16), __import__("sys").maxsize > 0)
import math as m2, sys as s2
from math import floor as fl, ceil
print(m2 is m, fl(2.5), ceil(2.5), s2.__name__)
mod = __import__("collections.abc", fromlist=["Mapping"])
print(mod.__name__, __import__("collections.abc").__name__)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
