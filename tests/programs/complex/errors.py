for expr in ["(1+1j) // 2", "(1+1j) % 2", "(1+1j) < 2j", "1j / 0", "0j ** -1", "int(1j)", "float(1j)", "round(1j)"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
