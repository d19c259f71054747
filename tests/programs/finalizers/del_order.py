# Order of __del__ calls when containers holding finalizable objects die.
import gc

gc.collect()


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


t = (D(1), D(2), D(3))
del t
print("tuple done")
l = [D(1), D(2), D(3)]
del l
print("list done")
d = {"a": D(1), "b": D(2)}
del d
print("dict done")


class Holder:
    def __init__(self):
        self.a = D("attr a")
        self.b = D("attr b")

    def __del__(self):
        print("del holder")


h = Holder()
del h
print("holder done")
