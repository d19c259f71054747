class Plugin:
    registry = []
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        print("init_subclass", cls.__name__, key)
        cls.key = key
        Plugin.registry.append(cls.__name__)
class A(Plugin, key="a"):
    pass
class B(A):
    pass
print(Plugin.registry, A.key, B.key)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Bad2(object, nope=1):
        pass
except TypeError as e:
    print("TypeError", e)
