# The string module's constants and capwords.
import string

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'printable', 'whitespace']:
    print(name, repr(getattr(string, name)))
print(string.capwords(' hello   wORLD  foo '), string.capwords('a-b-c', '-'), repr(string.capwords('')))
print(string.capwords('x  y', ' '), string.capwords('ab\tcd\nef'))
print(sorted(n for n in string.__all__))
