# breakpoint() starts pdb (its sys.monitoring backend in 3.14) in the calling frame; commands
# come from stdin, output is collected and shown with paths relative to this folder.
import io
import os
import sys

def f(x):
    y = x + 1
    breakpoint()
    z = y * 2
    for i in range(2):
        z += i
    return z

real = sys.stdout
sys.stdout = buf = io.StringIO()
r = f(3)
sys.stdout = real
here = os.path.dirname(os.path.abspath(__file__))
print(buf.getvalue().replace(here + os.sep, ''))
print('result', r, sys.gettrace())
