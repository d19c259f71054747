class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Derived(Base):
    def __add__(self, o):
        return "Derived.add"
    def __radd__(self, o):
        return "Derived.radd"
print(Base() + Derived(), Derived() + Base(), Base() + Base(), 1 + Base(), Base() + 1)
class L:
    def __lt__(self, o):
        return "L.lt"
    def __gt__(self, o):
        return "L.gt"
class R(L):
    pass
print(L() < R(), R() < L(), L() > 1, 1 < L(), 1 > L())
class OnlyRadd:
    def __radd__(self, o):
        return f"radd({o!r})"
print([1] + OnlyRadd(), "s" + OnlyRadd(), sum([OnlyRadd()], 0) if False else 0 + OnlyRadd())
