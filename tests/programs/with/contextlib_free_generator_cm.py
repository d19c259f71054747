class gen_cm:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
def opened(name):
    print("open", name)
    try:
        yield name + "-handle"
    except ZeroDivisionError:
        print("handled inside")
    finally:
        print("close", name)
with gen_cm(opened("x")) as h:
    print("using", h)
with gen_cm(opened("y")):
    1 / 0
print("done")
