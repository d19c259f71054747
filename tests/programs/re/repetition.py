# Repetition and alternation on longer inputs (linear-time patterns only).
import re

text = 'word ' * 2000
print(len(re.findall(r'\w+', text)), re.search(r'(\w+ )+$', text).span())
print(len(re.sub(r'o', '0', text)), re.subn(r'\s', '', text)[1])
print(re.match(r'(?:ab|cd)*', 'abcd' * 500).end(), re.match(r'(a|b)*', 'ab' * 3000).span(1))
print(re.match(r'.*?x', 'a' * 5000 + 'x').end(), re.match(r'(?s).*', 'a\n' * 100).end())
print(re.match(r'a{1000}', 'a' * 1500).end(), re.match(r'a{5,}?', 'a' * 10).end())
print(re.fullmatch(r'(a{2})+', 'a' * 200) is not None, re.fullmatch(r'(a{2})+', 'a' * 201))
print(re.search(r'z', 'y' * 10000), re.search(r'y$', 'y' * 10000).start())
print(re.match(r'(x+x+)+y', 'xxxxxxxxxxy').span())
print([len(x) for x in re.split(r',', ','.join(['ab'] * 50))][:5])
print(re.findall(r'a|ab|abc', 'abcabab'), re.findall(r'abc|ab|a', 'abcabab'))
print(re.match(r'(?:a|b|c|d|e)+', 'edcbaf').group(), re.match('|a', 'a').span())
words = '|'.join(['alpha', 'beta', 'gamma', 'delta', 'epsilon'])
print(re.findall(words, 'the delta and the alphabet and gammas'))
print(re.findall(r'\b(?:%s)\b' % words, 'the delta and the alphabet and gammas'))
print(re.sub(r'(\d)(?=(\d\d\d)+(?!\d))', r'\1,', '1234567890'))
print(re.match(r'(?:(\d)|(x))*', '1x2x').groups(), re.match(r'(\d)*', '123').group(1))
