# expect-stderr
class Q:
    def step(self):
        return self
    def fail(self):
        raise RuntimeError("chain broke")
Q().step().step().fail()
