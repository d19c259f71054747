# Bytes patterns on bytes, bytearray and memoryview subjects.
import re

p = re.compile(rb'(\w+)=(\d+)')
for subject in [b'a=1 bb=22', bytearray(b'a=1 bb=22'), memoryview(b'a=1 bb=22')]:
    m = p.search(subject)
    print(type(m.string).__name__, m.group(), m.groups(), m.span(2))
    print(p.findall(subject), p.sub(rb'\2:\1', subject), p.split(subject))
    print([x.group(1) for x in p.finditer(subject)], p.subn(b'X', subject))
print(re.sub(b'a', b'x', bytearray(b'banana')), re.sub(b'q', b'x', bytearray(b'bb')))
print(re.sub(rb'\d', lambda m: bytes([m.group()[0] + 1]), b'a1b2'))
print(re.sub(rb'\d', lambda m: bytearray(b'#'), b'a1b2'))
print(re.findall(rb'[\x80-\xff]+', b'abc\xe9\xff def'), re.escape(b'\xff.'))
print(re.match(rb'(?i)caf\xc9', b'CAF\xe9'), re.match(rb'(?i)\xc9', b'\xe9'))
print(re.match(b'x', b'xyz').group(), re.fullmatch(rb'\d+', b'123').group())
print(re.compile(rb'\s+').split(b' a\tb\nc '))
for call in [
    lambda: re.search(b'a', 'a'),
    lambda: re.search('a', b'a'),
    lambda: re.sub(b'a', 'x', b'a'),
    lambda: re.sub(b'a', lambda m: 'x', b'a'),
    lambda: re.sub('a', lambda m: 5, 'a'),
    lambda: re.search('a', 5),
    lambda: re.findall(b'a', [1]),
]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
