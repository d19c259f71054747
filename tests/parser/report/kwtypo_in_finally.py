try:
    pass
except A:
    pass
else:
    pass
finally:
    fro x in y: pass
