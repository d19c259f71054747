class Meta(type):
    @property
    def registry_size(cls):
        return len(cls.registry)
    def helper(cls):
        return "meta helper for " + cls.__name__
class Base(metaclass=Meta):
    registry = [1, 2, 3]
print(Base.registry_size, Base.helper(), hasattr(Base(), "registry_size"), hasattr(Base(), "helper"))
try:
    Base.registry_size = 5
except AttributeError as e:
    print("AttributeError", e)
