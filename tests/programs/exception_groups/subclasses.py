class MyEG(ExceptionGroup):
    def derive(self, excs):
        d = MyEG(self.message, excs)
        d.extra = "derived"
        return d
eg = MyEG("mine", [ValueError(1), TypeError(2)])
m, r = eg.split(ValueError)
print(type(m).__name__, repr(m), m.extra, repr(r))
try:
    raise eg
except* TypeError as g:
    print("caught", type(g).__name__, repr(g))
except* ValueError as g:
    print("caught", type(g).__name__, repr(g))
class Coded(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj
    def __init__(self, message, excs, code):
        super().__init__(message, excs)
    def derive(self, excs):
        return Coded(self.message, excs, self.code)
c = Coded("coded", [ValueError(1), KeyError(2)], 42)
print(repr(c), c.code, c.args)
print(repr(c.subgroup(KeyError)), c.subgroup(KeyError).code)
print(BaseExceptionGroup.__new__(BaseExceptionGroup, "x", [ValueError()]))
print(isinstance(c, Exception), issubclass(Coded, BaseExceptionGroup), Coded.__mro__[1:3])
