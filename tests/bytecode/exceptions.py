def f(x):
    try:
        x()
    except ValueError:
        return 1
    except (TypeError, KeyError) as e:
        raise RuntimeError("bad") from e
    except Exception:
        raise
    else:
        return 2
    finally:
        print("done")

def g():
    try:
        return 1
    finally:
        return 2

def h():
    try:
        pass
    except* ValueError as eg:
        print(eg)
    except* (TypeError, KeyError):
        pass

def k():
    for i in range(3):
        try:
            continue
        finally:
            break
    raise
