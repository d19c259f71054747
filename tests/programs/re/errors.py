# re.error (PatternError): messages, positions, line and column information.
import re

bad = [
    'a(b', 'a)b', '[a-', '[z-a]', 'a{3,1}', '*a', 'a**', '(?P<1>x)', '(?P<a>x)(?P<a>y)',
    r'(?P=missing)', r'\1', r'\g', '(?<=a+)b', '(?z)', 'a{1', r'\p', '(?', '(?P', '(?P<', '(?P<a',
    '[', 'x[', r'\x1', r'\u12', r'(?i', '(?#unterminated', 'a++*', '(?P<a>)(?P=b)',
    '(?(1)a|b|c)', '(?(x)a)', r'(?<!a{1,2})b', 'a\n(\nb', r'\8', '(?-x:a)', '(?i-i:a)', r'[\d-z]',
]
for pat in bad:
    try:
        re.compile(pat)
        print('ok', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e.msg, e.pos, e.lineno, e.colno, repr(e.pattern))
try:
    re.compile(b'(a')
except re.error as e:
    print(e, e.pattern)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
try:
    re.sub('(?P<n>a)', r'\g<m>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.sub('a', r'\g<1', 'a')
except re.error as e:
    print(e)
try:
    re.sub('a', r'\q', 'a')
except re.error as e:
    print(e)
print(re.error is re.PatternError, issubclass(re.error, Exception))
print(re.sub('a', r'\g<0>\0', 'a'), re.sub('(a)', r'\01', 'a') == '\x01')
# Lazy repeats of possibly-empty groups are not supported by Taipan's engine yet: kept out of
# the corpus on purpose (see the module docs of sre_validate.rs).
