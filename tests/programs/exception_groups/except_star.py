def raiser(excs):
    raise ExceptionGroup("grp", excs)
for excs in [[ValueError("v")], [TypeError("t"), ValueError("v")], [KeyError("k")], [ValueError("a"), ValueError("b")]]:
    try:
        try:
            raiser(excs)
        except* ValueError as g:
            print("ValueError handler:", repr(g))
        except* TypeError as g:
            print("TypeError handler:", repr(g))
    except Exception as e:
        print("escaped:", repr(e))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g), type(g).__name__)
