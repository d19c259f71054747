# __del__ runs when the last reference goes, once; exceptions in it are reported, not raised.
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = D("a")
del a
print("after a")
b = D("b")
b = None
print("after b")


def scope():
    c = D("c")
    print("in scope")


scope()
print("after scope")
items = [D("x"), D("y"), D("z")]
del items
print("after list")


class Sub(D):
    pass


s = Sub("sub")
del s


class Saver:
    saved = []

    def __del__(self):
        print("saving")
        Saver.saved.append(self)


sv = Saver()
del sv
print(len(Saver.saved))
sv = Saver.saved.pop()
del sv
print("resurrected object freed without a second __del__")


class Catch:
    def __del__(self):
        try:
            raise ValueError("inside")
        except ValueError as e:
            print("caught", e)


c = Catch()
del c
try:
    raise KeyError("outer")
except KeyError:
    c = Catch()
    del c
    import sys
    print("still handling", repr(sys.exception()))
