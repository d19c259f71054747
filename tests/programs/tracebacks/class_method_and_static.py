# expect-stderr
class Factory:
    @classmethod
    def build(cls, kind):
        return cls.make(kind)
    @staticmethod
    def make(kind):
        raise NotImplementedError(f"no builder for {kind!r}")
Factory.build("widget")
