import sys
print(sys.get_int_max_str_digits())
x = 10 ** 5000
try:
    str(x)
except ValueError as e:
    print("ValueError", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
print(len(hex(x)) > 0)
sys.set_int_max_str_digits(0)
print(len(str(x)))
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
