# Replacement templates: escapes, group references by number and name, octal, callables.
import re

pat = re.compile(r'(?P<first>\w)(?P<rest>\w*)')
print(pat.sub(r'\g<rest>\g<first>ay', 'hello world'))
print(pat.sub(r'\2\1', 'ab cd'), pat.sub(r'\g<2>\g<1>', 'ab cd'), pat.sub(r'\g<0>!', 'ab'))
print(re.sub('a', r'\t\n\r\f\v\a\b\\', 'a').encode())
print(re.sub('a', r'\101\0\07', 'a').encode())
print(re.sub(r'(a)(b)?', r'[\2]', 'a ab'), re.sub(r'x', r'\g<0>\g<0>', 'axb'))
print(re.sub(rb'(a)', rb'\1\1\x', b'cac') if False else re.sub(rb'(a)', rb'<\1>', b'cac'))
print(re.sub('(?P<a>.)', lambda m: m['a'] * 2, 'abc'))
calls = []
def repl(m):
    calls.append((m.group(), m.start(), m.pos, m.endpos))
    return m.group().upper()
print(re.sub(r'[aeiou]', repl, 'education', count=3), calls)
print(re.subn(r'(\d+)', lambda m: str(len(m.group(1))), 'a 123 bc 45678'))
print(re.sub(r'', '-', ''), re.sub(r'$', '!', 'end'), re.sub(r'^', '>', 'x\ny', flags=re.M))
print(re.sub(r'a', 'b', 'aaa', count=0), re.sub('a', 'b', 'aaa', count=1))
print(re.compile('(a)').search('xa').expand(r'\1-\g<1>-\g<0>'))
print(re.sub(r'(\w+)', r'\1\1', 'ab cd', count=-1))
print(re.sub(r'a', '', 'banana'), re.sub(r'a', 'xx', ''), re.sub(r'\s*', '', ' a b '))
for bad in [r'\g<a>', r'\g<-1>', r'\g<x y>', r'\3', r'\g<>']:
    try:
        re.sub('(?P<n>a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
