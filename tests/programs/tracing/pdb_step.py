# pdb driven by commands on stdin; file paths are shown relative to this folder.
import io
import os
import pdb
import sys

def add(a, b):
    c = a + b
    return c

def main():
    x = 1
    y = add(x, 2)
    for i in range(2):
        y += i
    print('y =', y)

out = io.StringIO()
p = pdb.Pdb(stdin=sys.stdin, stdout=out)
p.use_rawinput = False
p.run('main()')
here = os.path.dirname(os.path.abspath(__file__))
print(out.getvalue().replace(here + os.sep, ''))
print('after')
