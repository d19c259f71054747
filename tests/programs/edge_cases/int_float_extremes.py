import sys
print(sys.maxsize, -sys.maxsize - 1, sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.maxsize + 1, float(sys.maxsize), 2.0 ** 1023 * 2 == float("inf"), sys.float_info.max * 2, -sys.float_info.max * 2, 5e-324 / 2)
print(sys.hash_info.modulus, sys.hash_info.width, sys.int_info.bits_per_digit if hasattr(sys.int_info, "bits_per_digit") else 30)
