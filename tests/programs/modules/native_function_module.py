# A native module's functions report that module as __module__ (pickling finds them by it).
import _functools
import math
import operator
import os
import pickle
import sys
import time

print(operator.getitem.__module__, math.sqrt.__module__, os.getcwd.__module__)
print(time.time.__module__, _functools.reduce.__module__, sys.exit.__module__)
print(len.__module__, open.__module__, [].append.__module__)
for f in (math.sqrt, operator.getitem, _functools.reduce, len, sys.exit):
    print(pickle.loads(pickle.dumps(f)) is f)
