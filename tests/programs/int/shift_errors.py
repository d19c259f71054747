for expr in ["1 << -1", "1 >> -1", "1 << 2**100"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(type(e).__name__, e)
print(0 << 2**100)
print(5 >> 2**100, -5 >> 2**100)
