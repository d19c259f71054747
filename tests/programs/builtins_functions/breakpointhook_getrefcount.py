# sys.breakpointhook / __breakpointhook__ driven by $PYTHONBREAKPOINT; sys.getrefcount
import os
import sys
import warnings

print(sys.breakpointhook is sys.__breakpointhook__)
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
os.environ['PYTHONBREAKPOINT'] = 'print'
print(breakpoint(1, 2, sep='-'))
os.environ['PYTHONBREAKPOINT'] = 'os.path.join'
print(breakpoint('a', 'b'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    for name in ['nosuch.mod', 'os.nosuchattr', 'nosuchbuiltin']:
        os.environ['PYTHONBREAKPOINT'] = name
        print(breakpoint())
print([(x.category.__name__, str(x.message)) for x in w])
sys.breakpointhook = lambda *a, **k: ('hook', a, k)
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print('RuntimeError', e)

try:
    sys.getrefcount()
except TypeError as e:
    print(e)
x = []
before = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - before, sys.getrefcount(object()), sys.getrefcount(None) > 1 << 30)
del y
print(sys.getrefcount(x) == before)
