try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    from math import no_such_function
except ImportError as e:
    print("ImportError", e, e.name)
try:
    import math.nope
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
try:
    from _helper_mod import not_there
except ImportError as e:
    print("ImportError", e)
