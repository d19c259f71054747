print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, -1, 5), pow(3, 0, 7), pow(0, 5, 7), pow(7, 2**100, 13))
print(round(1234.5678, -2), round(-1234.5678, -1), round(1234.5678, 1), round(5e-324, 5), round(0.5, -1), round(15.5, -1), round(25.0, -1))
print(round(123, -5), round(-0.4), round(2**70 + 0.5 if False else 2.0**70), round(float(2**53) + 1))
