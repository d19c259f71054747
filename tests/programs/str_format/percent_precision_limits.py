# %-formatting: a `*` precision is a C int, a written one is bounded, %d checks its size.
import sys

for f, a in [('%.*d', (sys.maxsize, 1)), ('%.*f', (2**31, 1.0)), ('%.*s', (2**31 - 1, 'ab')),
             ('%.*d', (2**31 - 1, 1)), ('%.*x', (2**31 - 3, 1)), ('%.2147483648d', (1,)),
             ('%.99999999999f', (1.0,)), ('%.*d', ('3', 1)), ('%.*d', (3.0, 1)),
             ('%.*d', (-3, 12)), ('%.*f', (True, 1.25)), ('%*d', (-4, 7)), ('%.*s', (2, 'abc'))]:
    try:
        r = f % a
        print(f, a[0], repr(r[:10]), len(r))
    except Exception as e:
        print(f, a[0], type(e).__name__, e)

# A written width past the C ssize_t range.
for f in ('%9223372036854775808d', '%99999999999999999999s', b'%99999999999999999999d'):
    try:
        print(len(f % 1))
    except ValueError as e:
        print(f, "ValueError:", e)
