# Character classes, categories, ranges, negation and escapes.
import re

tests = [
    (r'[abc]+', 'xxabcabcyy'),
    (r'[^abc]+', 'abcxyzabc'),
    (r'[a-f0-9]+', 'zz09afbeq'),
    (r'\d+', 'no 123 and 4567'),
    (r'\D+', '12abc34'),
    (r'\w+', '  héllo_wörld42 !'),
    (r'\W+', 'abc, def'),
    (r'\s+', 'a \t\n\r\x0b\x0cb'),
    (r'\S+', '   xyz  '),
    (r'[\d\s]+', 'ab 1 2 3cd'),
    (r'[-a]+', '--a-a--b'),
    (r'[]a]+', ']]a]b'),
    (r'[\]\\]+', 'x]\\]y'),
    (r'[\x41-\x43]+', 'zABCDz'),
    (r'[\u00e0-\u00ff]+', 'abc\u00e0\u00e9\u00ffxyz'),
    (r'\x41\101\u0042\U00000061', 'AAB' + 'a'),
    (r'.', '\n'),
    (r'[.]', 'a.b'),
    (r'[^\W\d_]+', 'ab12_cd'),
    (r'\bfoo\b', 'a foo b foobar'),
    (r'\Bo\B', 'foo boo'),
    (r'[\w.-]+@[\w-]+\.\w+', 'write to first.last-x@mail-host.org now'),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), m.group() if m else None, m.span() if m else None)

print(re.findall(r'[aeiou]', 'programming language'))
print(re.findall(r'[^aeiou\s]+', 'programming language'))
print(re.findall(r'\d', '٣4５'))
print(re.findall(r'\d', '٣4５', re.ASCII))
print(re.findall(r'\w+', 'naïve café', re.ASCII))
print(re.findall(r'[\s\S]', 'a\nb'))
print(re.sub(r'[^\x00-\x7f]', '?', 'Zürich €5'))
