log = []
class T:
    def __init__(self, name):
        object.__setattr__(self, "name", name)
    def __setitem__(self, k, v):
        log.append(f"{self.name}[{k}] = {v}")
    def __setattr__(self, k, v):
        log.append(f"{self.name}.{k} = {v}")
def v(x):
    log.append(f"eval {x}")
    return x
def obj(name):
    log.append(f"obj {name}")
    return T(name)
obj("a")[v("i")], obj("b").attr = v("x"), v("y")
print(log)
log.clear()
obj("c")[v(0)] = obj("d")[v(1)] = v("z")
print(log)
