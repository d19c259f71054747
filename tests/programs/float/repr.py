for x in [0.1, 0.2 + 0.1, 1/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e22, 1.5e-7, 2.0**0.5, -0.0, 5e-324, 1.7976931348623157e308]:
    print(repr(x), str(x))
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
