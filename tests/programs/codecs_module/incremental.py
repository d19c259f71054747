# Incremental and stream codecs: getincrementaldecoder/encoder, iterdecode/iterencode,
# StreamReader/StreamWriter over BytesIO.
import codecs, io

data = 'aé€😀\n' * 3
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-32', 'utf-32-be', 'utf-7', 'cp1252', 'latin-1']:
    try:
        raw = data.encode(enc)
    except UnicodeEncodeError:
        raw = data.encode(enc, 'replace')
    dec = codecs.getincrementaldecoder(enc)()
    pieces = [dec.decode(raw[i:i + 1]) for i in range(len(raw))]
    pieces.append(dec.decode(b'', final=True))
    print(enc, len(raw), ascii(''.join(pieces)) == ascii(raw.decode(enc)), sum(1 for p in pieces if p))
    enc_ = codecs.getincrementalencoder(enc)(errors='replace')
    out = b''.join(enc_.encode(c) for c in data) + enc_.encode('', final=True)
    print(' ', out == data.encode(enc, 'replace'))

print(list(codecs.iterdecode([b'\xc3', b'\xa9t', b'\xc3\xa9'], 'utf-8')))
print(list(codecs.iterencode(['a', 'é'], 'utf-16-le')))
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'ab\xe2\x82')), dec.getstate())
try:
    dec.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

print(codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False), codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(codecs.utf_16_decode(b'\xff\xfea\x00b', 'strict', False))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True))
print(codecs.utf_16_encode('hi'), codecs.utf_16_encode('hi', 'strict', 1), codecs.utf_32_encode('h', None, -1))
print(codecs.latin_1_encode('abc'), codecs.ascii_decode(b'abc'), codecs.readbuffer_encode(b'xy'))

buf = io.BytesIO()
w = codecs.getwriter('utf-16')(buf)
w.write('héllo\n')
w.write('wörld\n')
print(buf.getvalue())
buf.seek(0)
r = codecs.getreader('utf-16')(buf)
print(r.readline(), r.read())

