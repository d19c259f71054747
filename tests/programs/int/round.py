print(round(123), round(125, -1), round(135, -1), round(-125, -1), round(1234567, -3), round(5, 2))
print(round(15, -1), round(25, -1), round(-15, -1), round(2**70 + 2**69, -21))
import math
print(math.floor(5), math.ceil(-5), math.trunc(7), type(round(3)).__name__)
