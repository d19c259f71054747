for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(1e300, -300), round(5e-324, 400))
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2))
