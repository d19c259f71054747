# Non-Latin-1 subjects and patterns: positions are in code points.
import re

s = 'naïve 日本語 テキスト 😀 emoji Ünïcödé'
print(re.findall(r'\w+', s))
print([m.span() for m in re.finditer(r'\w+', s)])
print(re.search(r'日本', s).span(), re.search('😀', s).span())
print(re.sub(r'[^\x00-\x7f]', '_', s))
print(re.split(r'\s', s))
print(re.match(r'.{3}', '😀😁😂x').group(), len(re.match(r'.+', '😀a😁').group()))
print(re.findall(r'[😀-😂]', 'a😁b😂c😃'))
print(re.search(r'(?i)ÜNÏ', s).group(), re.search(r'(?i)ünï', 'ÜNÏ').group())
print(re.fullmatch(r'\w+', 'Ωμέγα'), re.fullmatch(r'[Α-Ωα-ωά-ώ]+', 'Ωμέγα').group())
print(re.sub(r'(\w)(\w*)', lambda m: m.group(1).upper() + m.group(2), 'éclair über ωmega'))
print(re.findall(r'\d+', '١٢٣ and ४५'), re.findall(r'\s+', 'a\u3000b\u2003c\x1cd'))
print(re.match(r'\w', '\u0300'), re.match(r'\w', '_'), re.match(r'\W', '€'))
m = re.search(r'(テ)(キ)', s)
print(m.span(1), m.span(2), m.start(), m.regs)
print(re.search('\ud800', 'a\ud800b').span(), re.findall(r'.', 'x\udcff'))
print(re.escape('日本.語'), re.escape('😀*'))
print(re.sub('x', '😀', 'axbx'), re.sub('😀', 'x', '😀a😀'))
