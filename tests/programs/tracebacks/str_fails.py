# expect-stderr
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("str broke")
raise Broken("x")
