log = []
def v(x):
    log.append(getattr(x, "__name__", x))
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), *[v(3)], k=v(4), **{"z": v(5)})
print(log)
log.clear()
v(f)(v("arg"))
print(log)
log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log)
log.clear()
l = [v(1), *[v(2), v(3)], v(4)]
print(log)
