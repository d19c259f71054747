# re.Scanner (the lexicon class), Pattern.scanner and finditer's iterator.
import re

scanner = re.Scanner([
    (r'[0-9]+', lambda s, tok: ('INT', int(tok))),
    (r'[a-z_]\w*', lambda s, tok: ('NAME', tok)),
    (r'[+*/=-]', lambda s, tok: ('OP', tok)),
    (r'\s+', None),
])
print(scanner.scan('x = 12 + foo_1 * 3'))
print(scanner.scan('a ? b'))

sc = re.compile(r'\d+').scanner('12 abc 345 6')
print(type(sc).__name__, sc.pattern.pattern)
print(sc.search().group(), sc.search().span(), sc.match(), sc.search(), sc.search())
sc = re.compile(r'\d').scanner('1a2')
print(sc.match().group(), sc.match(), sc.match())
sc = re.compile(r'a|').scanner('aab')
print([sc.match() for _ in range(5)])
sc = re.compile(r'\w').scanner('abcdef', 2, 4)
m = sc.search()
print(m.group(), m.pos, m.endpos, sc.search().group(), sc.search())

it = re.finditer(r'\w+', 'one two three')
print(type(it).__name__, next(it).group(), [m.group() for m in it], list(it))
it = re.compile(r'x*').finditer('axxb', 1)
print([(m.start(), m.group()) for m in it])
print(list(re.finditer(r'(?=(\w\w))', 'abcd')) and [m.group(1) for m in re.finditer(r'(?=(\w\w))', 'abcd')])
