# Match objects: repr, truth, subscripting, copy, attributes and errors.
import re

m = re.search(r'(?P<x>b+)(c)?', 'abbbd')
print(repr(m), bool(m), type(m).__name__, type(m) is re.Match)
print(m[0], m[1], m['x'], m[2], m.group(True))
print(m.__copy__() is m, m.__deepcopy__({}) is m)
print(m.__class_getitem__(str), re.Match[bytes], re.Pattern[str])
long = re.match(r'.*', 'x' * 100)
print(long)
print(re.match(r'.+', "it's \"quoted\""))
print(re.match(rb'.+', b'bytes\x00\xff'))
for args in [(3,), ('nope',), (-1,), (1.5,), ([],)]:
    try:
        m.group(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
for meth in ('start', 'end', 'span'):
    try:
        getattr(m, meth)(5)
    except IndexError as e:
        print(meth, e)
try:
    m[9]
except IndexError as e:
    print('getitem', e)
print(m.start(), m.end(), m.span(), m.span('x'), m.start(2), m.end(2))
try:
    re.Match()
except TypeError as e:
    print(e)
class I:
    def __index__(self):
        return 1
print(m.group(I()), m.span(I()))
print(m.regs, len(m.regs))
try:
    m.expand(r'\5')
except re.error as e:
    print('expand', e)
