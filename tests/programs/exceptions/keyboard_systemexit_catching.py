for exc in [SystemExit(2), KeyboardInterrupt(), GeneratorExit()]:
    try:
        try:
            raise exc
        except Exception:
            print("not caught by Exception")
    except BaseException as e:
        print("BaseException caught", type(e).__name__, e.args)
try:
    raise SystemExit("message")
except SystemExit as e:
    print("code:", e.code)
