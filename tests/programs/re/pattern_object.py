# Pattern objects: attributes, repr, equality, hashing, copying, errors of the methods.
import re

p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(type(p).__name__, type(p) is re.Pattern, type(p).__module__)
print(p == re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)', re.I | re.M), p != re.compile('x'))
print(hash(p) == hash(re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)', re.I | re.M)))
print(p.__copy__() is p, p.__deepcopy__(None) is p, p == 3)
print(re.compile('a' * 250))
print(re.compile(r'x', re.S | re.X), re.compile(rb'x', re.L), re.compile(r'x', re.A | re.DEBUG & 0))
print(re.compile('x', re.U), re.compile('x', 512), re.compile(b'x'))
try:
    p.groupindex['year'] = 5
except TypeError as e:
    print(e)
for call in [
    lambda: p.match(),
    lambda: p.match('a', 0, 1, 2),
    lambda: p.match('a', bogus=1),
    lambda: p.match('a', string='a'),
    lambda: p.match(5),
    lambda: p.match(b'2024-01'),
    lambda: re.compile(b'x').search('x'),
    lambda: p.search('x', 'y'),
    lambda: p.sub('x'),
    lambda: p.split(),
    lambda: re.Pattern(),
    lambda: re.compile('x', re.L),
    lambda: re.compile(b'x', re.A | re.L),
    lambda: re.compile(3),
]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(p.match(string='2024-05').groups(), p.search('x 1999-12', pos=1, endpos=9).group())
print(p.scanner('1-2').pattern is p)
sc = re.compile(r'\w').scanner('ab c')
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search())
