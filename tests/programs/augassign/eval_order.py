log = []
class T:
    def __getitem__(self, k):
        log.append(("get", k))
        return 10
    def __setitem__(self, k, v):
        log.append(("set", k, v))
def idx():
    log.append("idx")
    return "key"
def obj():
    log.append("obj")
    return t
t = T()
obj()[idx()] += 5
print(log)
class A:
    @property
    def p(self):
        print("get p")
        return 1
    @p.setter
    def p(self, v):
        print("set p", v)
a = A()
a.p += 1
try:
    undefined_aug += 1
except NameError as e:
    print("NameError", e)
