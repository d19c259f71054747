log = []
class L:
    def __init__(self, name):
        self.name = name
    def __setitem__(self, k, v):
        log.append(f"{self.name}[{k}]={v}")
def val(v):
    log.append(f"eval {v}")
    return v
a, b = L("a"), L("b")
a[val(1)] = b[val(2)] = val("x")
print(log)
log.clear()
x = [0, 0, 0]
i = 0
i = x[i] = 2
print(i, x)
