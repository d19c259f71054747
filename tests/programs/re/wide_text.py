# Many matches in a long text wider than Latin-1 (positions are code points; each match
# resumes where the previous one ended).
import re

s = '日本語 テキスト abc 😀 ' * 5000
words = re.findall(r'\w+', s)
print(len(words), words[:4], words[-1])
print(sum(1 for m in re.finditer(r'\S+', s)), re.search(r'😀', s[::-1]).span())
print(len(re.sub(r'\s+', '_', s)), re.subn(r'テ', 't', s)[1], len(re.split(r'😀', s)))
last = None
for last in re.finditer(r'abc', s):
    pass
print(last.span(), s[last.start() - 5:last.end()])
