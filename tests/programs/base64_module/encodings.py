# base64 (b64, urlsafe, b32, b32hex, b16; the 85 family needs struct.Struct), binascii directly, quopri, and errors.
import base64, binascii, quopri

data = bytes(range(0, 256, 7)) + b'hello world'
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                 (base64.b16encode, base64.b16decode),
                 (base64.standard_b64encode, base64.standard_b64decode)]:
    e = enc(data)
    print(enc.__name__, e, dec(e) == data)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('+/8=', validate=True))
print(base64.encodebytes(b'x' * 60), base64.decodebytes(b'eHh4\n'))
print(base64.b64decode(b'aGVsbG8gd29ybGQ'  + b'='), base64.b64decode('aGV sbG8=\n'))
for bad in [lambda: base64.b64decode('abc'), lambda: base64.b64decode('ab!c', validate=True),
            lambda: base64.b32decode('A'), lambda: base64.b16decode('abc'), lambda: base64.b16decode('0g'),
            lambda: base64.b64decode('é'), lambda: base64.b64encode('str')]:
    try:
        bad()
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)

print(binascii.hexlify(b'\x01\xab'), binascii.hexlify(b'\x01\xab\xcd', '-'), binascii.b2a_hex(b'abcdef', b':', -2))
print(binascii.unhexlify('01ab'), binascii.a2b_hex(b'FFfe'))
print(binascii.b2a_base64(b'hi'), binascii.b2a_base64(b'hi', newline=False), binascii.a2b_base64(b'aGk=\n'))
print(binascii.crc32(b'hello'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'hello', 0))
print(binascii.b2a_uu(b'hello'), binascii.a2b_uu(b'%:&5L;&\\\n'), binascii.b2a_uu(b'', backtick=True))
print(binascii.b2a_qp(b'caf\xe9 = ok\t\n'), binascii.a2b_qp(b'caf=E9 =3D ok=\n'))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, issubclass(binascii.Incomplete, Exception))
for bad in [lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz'), lambda: binascii.a2b_base64(b'a'),
            lambda: binascii.a2b_base64(b'=abc', strict_mode=True), lambda: binascii.b2a_uu(b'x' * 46),
            lambda: binascii.hexlify('str'), lambda: binascii.a2b_hex('é')]:
    try:
        bad()
    except (binascii.Error, ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)

text = b'Caf\xc3\xa9 costs = 3\xe2\x82\xac\nlong line ' + b'x' * 80 + b'\n'
enc = quopri.encodestring(text)
print(enc)
print(quopri.decodestring(enc) == text, quopri.encodestring(b'a b\tc', quotetabs=True), quopri.decodestring(b'a_b', header=True))
