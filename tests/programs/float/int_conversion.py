import math
for x in [3.7, -3.7, 0.5, -0.5, 1e20, -1e20]:
    print(int(x), math.floor(x), math.ceil(x), math.trunc(x), round(x))
print(int(1e308) % 1000, math.floor(-0.0), type(math.floor(2.5)).__name__)
print(float(2**1024 - 2**971))
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError", e)
