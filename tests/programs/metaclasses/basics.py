class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tagged = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, flavor="x"):
    def method(self):
        pass
class Child(Base):
    attr = 1
c = Child()
print(type(Child).__name__, Child.tagged, isinstance(Child, Meta), type(c).__name__)
