def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
def gray(n):
    return n ^ (n >> 1)
def reverse_bits(n, width=8):
    return int(format(n, f"0{width}b")[::-1], 2)
print([popcount(n) for n in range(16)], [format(gray(n), "04b") for n in range(8)], reverse_bits(0b00010110), [n for n in range(1, 70) if n & (n - 1) == 0])
subsets = [[x for j, x in enumerate("abc") if mask >> j & 1] for mask in range(8)]
print(subsets)
print(hex(0xDEADBEEF & ~0xFF), (-1) & 0xFFFF, (1 << 64) - 1 == 2 ** 64 - 1, ~0 == -1)
