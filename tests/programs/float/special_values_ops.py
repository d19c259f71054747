inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, nan + 1, 0 * inf, inf % 5 if False else "skip")
for expr in ["inf // 1", "1 // inf", "-1 // inf", "1 % inf", "-1 % inf", "inf ** 0", "nan ** 0", "1 ** nan", "divmod(5, inf)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
