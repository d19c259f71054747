import sys
sys.set_int_max_str_digits(0)
x = 1 << 100000
print(x.bit_length(), len(str(x)) if False else "skip str", (x - 1).bit_count())
try:
    1 << (1 << 70)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
y = 3 ** 5000
print(y % 1000007, (y * y).bit_length(), (y // 7 ** 1000) % 10 ** 9)
