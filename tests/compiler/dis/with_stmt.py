with a as b:
    f(b)
with c, d as e:
    pass
