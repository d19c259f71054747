# The module-level functions and the Pattern methods: match/fullmatch/search with pos and
# endpos, findall, finditer, split, sub, subn, escape.
import re

p = re.compile(r'\d+')
s = 'a1b22c333d'
print(p.match(s), p.match(s, 1), p.search(s, 2), p.search(s, 2, 3))
print(p.fullmatch('123'), p.fullmatch('123a'), p.fullmatch('a123', 1), p.fullmatch(s, 4, 6))
print(p.findall(s), p.findall(s, 3), p.findall(s, 0, 5))
print([m.group() for m in p.finditer(s)], [m.span() for m in p.finditer(s, 2, 7)])
m = p.search(s, 3, 8)
print(m.pos, m.endpos, m.string, m.re is p)
print(p.match(s, -5), p.search(s, 100), p.search(s, 5, 2), p.search(s, 0, -1))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(\w)(\d)?', 'a1 b'))
print(re.findall(r'', 'abc'), re.findall(r'a|', 'bab'))
print([m.span() for m in re.finditer(r'\b', 'ab cd')])

print(re.split(r'\s+', ' a b  c '), re.split(r'(\s+)', 'a b  c'))
print(re.split(r',', 'a,b,c,d', maxsplit=2), re.split(r'x*', 'axbc'), re.split(r'', 'abc'))
print(re.split(r'(a)|(b)', 'xaybz'), re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'[,;]', 'a,b;c', maxsplit=1), re.split(r'z', 'abc'))

print(re.sub(r'\s+', ' ', 'a   b \t c'), re.sub(r'a', 'b', 'aaa', count=2))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@here you@there'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'), re.sub(r'x*', '-', 'abxd'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'(a)|b', lambda m: m.group(1) or 'B', 'abab'))
print(re.sub(r'a', r'\n', 'bab') == 'b\nb', re.sub(r'a', '\\\\', 'a'), re.sub('a', r'\t', 'a'))
print(re.subn(r'o', '0', 'foo boo'), re.subn(r'z', 'y', 'abc'), re.subn('', '-', 'ab'))
print(re.sub(r'(b)?c', r'[\1]', 'ac bc'))
print(re.sub('x', lambda m: None or '', 'axbx'))
print(p.sub('#', s), p.subn('#', s, 2), p.split(s), p.split(s, 2))
print(re.sub(r'(?m)^', '> ', 'line1\nline2'))

print(re.escape('a.b*c?d+e(f)[g]{h}|i^j$k\\l'), re.escape('hello world_1'))
print(re.escape(b'a.b\x00'), re.escape('\t\n-#&~'))
print(re.search(re.escape('1+1=2'), 'is 1+1=2?').span())
print(re.purge(), re.compile(p) is p)
print(re.match('a', 'a', 0).group(), re.search('A', 'a', flags=re.I).group())
