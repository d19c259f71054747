log = []
class N:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        log.append(f"{self.n}+{o.n}")
        return N(self.n + o.n)
    def __mul__(self, o):
        log.append(f"{self.n}*{o.n}")
        return N(self.n * o.n)
    def __lt__(self, o):
        log.append(f"{self.n}<{o.n}")
        return self.n < o.n
def mk(n):
    log.append(f"mk{n}")
    return N(n)
r = mk(1) + mk(2) * mk(3)
print(r.n, log)
log.clear()
print(mk(1) < mk(2) < mk(0) < mk(9), log)
log.clear()
x = mk(5)
x += mk(1) * mk(2)
print(x.n, log)
