log = []
def f():
    try:
        log.append("try")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
        raise KeyError("from else")
    finally:
        log.append("finally")
try:
    f()
except KeyError as e:
    log.append(f"caught {e}")
print(log)
def g():
    try:
        return "try-return"
    except Exception:
        return "except"
    else:
        return "else-return"
    finally:
        log.append("g finally")
print(g(), log[-1])
