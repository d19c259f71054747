class Meta(type):
    registry = {}
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta>"
    def describe(cls):
        return "describe " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    def __len__(cls):
        return 7
    def __iter__(cls):
        return iter([1, 2])
class X(metaclass=Meta):
    pass
print(X, repr(X), X.describe(), X.upper_name, len(X), list(X), hasattr(X(), "describe"))
print(str(X), [X], Meta.__mro__)
