from _helper_mod import *
print(greet("star"), CONSTANT)
try:
    _private_helper
except NameError as e:
    print("NameError", e)
from math import *
print(floor(pi), "sqrt" in dir())
