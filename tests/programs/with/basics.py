class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b") as x, CM("c") as y:
    print("body", x, y)
with (CM("d") as p, CM("e")):
    print("parenthesized", p)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("f"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
