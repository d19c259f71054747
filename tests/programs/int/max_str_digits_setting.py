# sys.set_int_max_str_digits governs int(str), int(str, base) and %d as well as str(int)
import sys

for limit in (5000, 640, 0):
    sys.set_int_max_str_digits(limit)
    for text in ('1' * 4301, '7' * 5001):
        for conv in (lambda: int(text), lambda: int(text, 10), lambda: int(text.encode()),
                     lambda: '%d' % int(text, 16), lambda: str(int(text, 8))):
            try:
                r = conv()
                print(limit, len(text), 'ok', len(r) if isinstance(r, str) else r.bit_length())
            except ValueError as e:
                print(limit, len(text), 'ValueError', str(e)[:60])
