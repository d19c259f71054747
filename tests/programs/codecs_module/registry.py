# The codec registry: lookup, search functions, text-encoding checks, registry codecs through
# str.encode / bytes.decode, and user error handlers.
import codecs

info = codecs.lookup('UTF8')
print(info.name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name)
print(codecs.lookup('Mac-Roman').name, codecs.lookup('utf_16_le').name)

seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, e='strict': (s.upper().encode(), len(s)),
                                lambda b, e='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    return None

codecs.register(search)
print('x y'.encode('My Codec'), b'ABC'.decode('my-codec'))
print(seen)
codecs.unregister(search)

for bad in ['nope', '  spaced name ']:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print('LookupError:', e)
try:
    'x'.encode('nope')
except LookupError as e:
    print('LookupError:', e)
try:
    codecs.register(42)
except TypeError as e:
    print('TypeError:', e)
try:
    codecs.lookup(42)
except TypeError as e:
    print('TypeError:', e)

# Non-text codecs are refused by str.encode, allowed by codecs.encode.
print(codecs.encode('Hello', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
try:
    'abc'.encode('rot13')
except LookupError as e:
    print('LookupError:', e)
print(codecs.encode(b'hi', 'hex'), codecs.decode(b'6869', 'hex_codec'))
print(codecs.encode(b'hello', 'base64'))

# Single-byte codecs from the encodings package.
for enc in ['cp1252', 'cp437', 'mac_roman', 'iso8859_15', 'koi8_r', 'cp850']:
    data = 'café €'.encode(enc, errors='replace')
    print(enc, data, data.decode(enc))
print('Привет'.encode('koi8_r'), 'Привет'.encode('cp1251').decode('cp1251'))
try:
    '\u20ac'.encode('cp437')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    b'\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

# punycode and utf-7
print('bücher'.encode('punycode'), b'bcher-kva'.decode('punycode'))
print(codecs.encode('ü', 'utf-7'), codecs.decode(b'+APw-', 'utf-7'))

# Error handlers.
print(codecs.lookup_error('strict'), codecs.lookup_error('ignore').__name__)
def handler(exc):
    print('handler got', type(exc).__name__, exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s>' % ','.join(str(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    return ('[%d]' % exc.object[exc.start], exc.start + 1)
codecs.register_error('mine', handler)
print('aé€b'.encode('ascii', 'mine'), 'aé€b'.encode('latin-1', 'mine'))
print(b'a\xffb\xfe'.decode('utf-8', 'mine'), b'a\x81'.decode('cp1252', 'mine'))
print(codecs.lookup_error('mine') is handler)
codecs.register_error('bytes', lambda e: (b'#', e.end))
print('x\u1234y'.encode('ascii', 'bytes'))
codecs.register_error('back', lambda e: ('', 0) if e.start > 100 else ('?', e.end - 1 if e.end > 1 else e.end))
codecs.register_error('badret', lambda e: 42)
codecs.register_error('badpos', lambda e: ('x', 99))
for name in ['badret', 'badpos', 'unknown_handler']:
    for f in (lambda: 'é'.encode('ascii', name), lambda: b'\xff'.decode('ascii', name)):
        try:
            f()
        except (TypeError, IndexError, LookupError) as e:
            print(type(e).__name__ + ':', e)
try:
    codecs.register_error('x', 3)
except TypeError as e:
    print('TypeError:', e)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError:', e)
for h in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
          'namereplace', 'surrogateescape', 'surrogatepass']:
    f = codecs.lookup_error(h)
    for exc in [UnicodeEncodeError('ascii', 'a\xe9\udcff', 1, 3, 'bad'),
                UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'bad'),
                UnicodeTranslateError('a\xe9', 1, 2, 'bad')]:
        try:
            print(h, type(exc).__name__, f(exc))
        except Exception as e:
            print(h, type(exc).__name__, type(e).__name__, e)
print(codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-16-be', 'a\ud800', 1, 2, 'x')))
print(codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 1, 'x')))
print('\ud800x'.encode('utf-8', 'surrogatepass'), ascii(b'\xed\xa0\x80x'.decode('utf-8', 'surrogatepass')))
print('\udcffx'.encode('utf-8', 'surrogateescape'), ascii(b'\xffx'.decode('utf-8', 'surrogateescape')))
print('a\U0001f600'.encode('ascii', 'namereplace'), 'a\u20ac'.encode('latin-1', 'xmlcharrefreplace'))
