def outer(a: int, b: "str" = "x") -> list:
    """Docstring here."""
    return [a, b]
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__defaults__, outer.__kwdefaults__, outer.__module__)
print(outer.__annotations__)
def kwo(*, k=1):
    pass
print(kwo.__kwdefaults__, kwo.__defaults__, outer.__code__.co_argcount, outer.__code__.co_varnames, outer.__code__.co_name)
outer.custom = 42
print(outer.custom, outer.__dict__, callable(outer), type(outer).__name__)
class C:
    def m(self):
        def inner():
            pass
        return inner
print(C.m.__qualname__, C().m().__qualname__, (lambda: 0).__name__, (lambda: 0).__qualname__)
outer.__name__ = "renamed"
print(outer.__name__, outer.__qualname__)
