for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (2**70 + 5, 2**65 + 3), (-(2**70), 255)]:
    print(a & b, a | b, a ^ b)
print(1 << 0, 1 << 100, 5 >> 1, -5 >> 1, -1 >> 100, 0 >> 5)
print((255).bit_count(), (-255).bit_count(), (0).bit_count(), (2**100 - 1).bit_count())
print((0).bit_length(), (1).bit_length(), (-1).bit_length(), (255).bit_length(), (-256).bit_length())
