class CM:
    def __init__(self, n, fail_enter=False, fail_exit=False):
        self.n, self.fail_enter, self.fail_exit = n, fail_enter, fail_exit
    def __enter__(self):
        print("enter", self.n)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.n)
        return self
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
        if self.fail_exit:
            raise RuntimeError("exit failed " + self.n)
try:
    with CM("1"), CM("2", fail_enter=True), CM("3"):
        print("unreached")
except RuntimeError as e:
    print("caught", e)
try:
    with CM("4", fail_exit=True):
        raise ValueError("body")
except RuntimeError as e:
    print("caught", e, "context:", repr(e.__context__))
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError", e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError", e)
