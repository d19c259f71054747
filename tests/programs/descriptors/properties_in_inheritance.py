class Base:
    @property
    def v(self):
        return "base v"
class Child(Base):
    @Base.v.getter
    def v(self):
        return "child v (" + super().v + ")"
print(Child().v)
class Over(Base):
    v = "plain override"
print(Over().v)
class WithSetter(Base):
    @Base.v.setter
    def v(self, val):
        self._v = val
w = WithSetter()
w.v = 3
print(w.v, w._v)
