for op in ["1 // 0", "1 % 0", "divmod(1, 0)", "1 / 0", "0 ** -1", "pow(2, 3, 0)", "pow(2, -1, 4)", "pow(2, 3.0, 5)"]:
    try:
        print(eval(op))
    except Exception as e:
        print(op, "->", type(e).__name__, e)
