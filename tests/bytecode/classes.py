class Base:
    attr = 1
    def method(self):
        return self.attr

class Child(Base, metaclass=type):
    """A child."""
    x: int = 3
    def method(self):
        return super().method() + super(Child, self).method()
    @classmethod
    def make(cls):
        return cls()
    @property
    def prop(self):
        return __class__
    def zero_arg(self):
        return super().attr

def f():
    y = 1
    class Inner:
        z = y
        def m(self):
            return y
    return Inner
