# Lookahead, lookbehind, conditionals, atomic groups and possessive quantifiers.
import re

print(re.findall(r'\w+(?=,)', 'a, bb, ccc d'))
print(re.findall(r'\b\w+\b(?!,)', 'a, bb, ccc d'))
print(re.findall(r'(?<=\$)\d+', 'cost $30 and $45, not 50'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $30 and $45, not 50'))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.search(r'(?<=ab|cd)x', 'cdx').span())
print(re.match(r'(?=(\w+))\w', 'hello').groups())

# conditionals
pat = re.compile(r'(<)?(\w+@\w+\.com)(?(1)>|$)')
for s in ['<user@host.com>', 'user@host.com', '<user@host.com', 'user@host.com>']:
    m = pat.match(s)
    print(s, m.group() if m else None)
print(re.match(r'(?P<q>")?\w+(?(q)")', '"abc"').group())
print(re.match(r'(a)?(?(1)b|c)', 'c').group())

# atomic groups and possessive quantifiers
print(re.match(r'(?>a+)b', 'aaab'))
print(re.match(r'(?>a+)ab', 'aaab'))
print(re.match(r'a++b', 'aaab'), re.match(r'a++ab', 'aaab'))
print(re.match(r'a*+a', 'aaa'), re.match(r'a?+a', 'a'))
print(re.match(r'(?:ab)++c', 'ababc').group())
print(re.match(r'x{2,3}+x', 'xxxx').group())
print(re.findall(r'"[^"]*+"', '"a" "bc" "'))

# lazy vs greedy
print(re.match(r'<.*>', '<a><b>').group(), re.match(r'<.*?>', '<a><b>').group())
print(re.match(r'a{2,4}', 'aaaaa').group(), re.match(r'a{2,4}?', 'aaaaa').group())
print(re.match(r'a{3}', 'aaaa').group(), re.match(r'a{,2}', 'aaa').group())
print(re.match(r'(a+?)(a*)', 'aaa').groups())
print(re.match(r'a??b', 'ab').group(), re.match(r'x*?y', 'xxy').group())
print(re.fullmatch(r'(a|ab)(c|bcd)(d*)', 'abcd').groups())
