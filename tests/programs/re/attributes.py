# The attributes of Pattern, Match and SRE_Scanner as descriptors on their types (dir(),
# read-only members), and results that are the subject itself.
import re

p = re.compile(r'(?P<a>x)(y)?')
m = p.match('xz')
print(sorted(n for n in dir(p) if not n.startswith('__')))
print(sorted(n for n in dir(m) if not n.startswith('__')))
print(sorted(n for n in dir(p.scanner('x')) if not n.startswith('__')))
print(re.Match.pos.__get__(m), type(re.Match.__dict__['pos']).__name__, type(re.Match.__dict__['regs']).__name__)
print(type(re.Pattern.__dict__['groupindex']).__name__, type(re.Pattern.__dict__['flags']).__name__)
for target, name in [(m, 'pos'), (m, 'lastgroup'), (p, 'flags'), (p, 'groupindex')]:
    try:
        setattr(target, name, 3)
    except AttributeError as e:
        print(e)
try:
    m.nope
except AttributeError as e:
    print(e)
s = 'abc'
b = b'abc'
print(re.sub('x', 'y', s) is s, re.sub(b'x', b'y', b) is b, re.split('x', s)[0] is s)
print(re.sub('x', 'y', s) == s, re.subn('b', 'b', s))
for call in [lambda: re.Pattern.match(), lambda: re.Match.group(), lambda: re.Pattern.__class_getitem__(),
             lambda: re.Pattern.match(5, 'a'), lambda: re.Match.regs.__get__(5)]:
    try:
        call()
    except TypeError as e:
        print(e)
