if a < b < c:
    f()
if not (a == b != c):
    g()
