print("init _pkg.sub", __name__, __package__)
from . import helper_in_pkg as helper
from ._private import SECRET
def twice(x):
    return 2 * x
