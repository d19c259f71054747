for expr in ["1.0 / 0", "1.0 // 0.0", "1.0 % 0.0", "divmod(1.0, 0)", "0.0 ** -1", "10.0 ** 400", "(-8.0) ** 0.5 == 0", "2.0 ** 10000"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
