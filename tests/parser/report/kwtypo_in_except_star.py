try:
    pass
except* A:
    pass
except* B:
    fro x in y: pass
