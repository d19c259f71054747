ba = bytearray(b"abc")
for code in ["ba[0] = 256", "ba[0] = -1", "ba[0] = 'x'", "ba[10]", "ba.pop(10)", "bytearray().pop()", "ba.remove(120)", "ba[::2] = b'x'", "ba.append(300)", "hash(ba)", "ba.index(b'z')"]:
    try:
        exec(code)
        print(code, "ok", ba)
    except Exception as e:
        print(code, "->", type(e).__name__, e)
