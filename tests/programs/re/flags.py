# IGNORECASE (ASCII and Unicode), MULTILINE, DOTALL, VERBOSE, ASCII and inline flags.
import re

print(re.findall(r'hello', 'Hello HELLO hello', re.I))
print(re.findall(r'[a-z]+', 'ABC def GHi', re.IGNORECASE))
print(re.match(r'straße', 'STRASSE', re.I), re.match(r'ß', 'ẞ', re.I))
print(re.findall(r'σ', 'Σσς', re.I))
print(re.match(r'[α-ω]+', 'ΑΒΓ', re.I).group())
print(re.match(r'k', '\u212a', re.I), re.match(r'k', '\u212a', re.I | re.A))
print(re.match(r'i', 'İ', re.I), re.match(r'ǆ', 'ǅ', re.I).group())
print(re.findall(r'^\w+', 'one\ntwo\nthree'), re.findall(r'^\w+', 'one\ntwo\nthree', re.M))
print(re.findall(r'\w+$', 'one\ntwo\nthree', re.M), re.search(r'o$', 'foo\n').span())
print(re.search(r'\Afoo', 'foo\nfoo', re.M).span(), re.search(r'foo\Z', 'foo\nfoo\n'))
print(re.match(r'a.b', 'a\nb'), re.match(r'a.b', 'a\nb', re.S).group())
pat = re.compile(r'''
    (?P<int>\d+)    # integer part
    (?:\.(?P<frac>\d*))?   # optional fraction
    \ x             # escaped space then x
    [ ]y            # class space
''', re.VERBOSE)
print(pat.match('12.5 x y').groupdict())
print(re.findall(r'(?i)abc', 'ABC abc'), re.findall(r'(?i:a)b', 'Ab AB ab'))
print(re.match(r'(?s).+', 'a\nb').group(), re.match(r'(?m)^b', 'b'))
print(re.findall(r'(?x) a b  c # comment', 'abc'))
print(re.match(r'(?-i:a)b', 'aB', re.I), re.match(r'(?-i:a)b', 'AB', re.I))
print(re.match(r'(?a)\w+', 'abcé').group(), re.match(r'(?u)\w+', 'abcé').group())
print(re.findall(rb'(?i)[a-c]', b'AbCd'), re.findall(rb'\w+', b'caf\xe9 x'))
print(re.compile('x', re.I | re.M).flags, re.compile(b'x').flags, re.compile('x').flags)
print(re.compile('(?i)x').flags, re.compile('(?ms)x').flags)
print(re.I, re.IGNORECASE | re.MULTILINE, re.NOFLAG, repr(re.A), int(re.X), re.S.name)
print(re.RegexFlag.DOTALL in (re.S | re.M), ~re.I & (re.I | re.M))
