class Meta(type):
    def __getattr__(cls, name):
        return f"class-level {name}"
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)
class K(metaclass=Meta):
    def __init__(self, *a):
        self.a = a
k = K(1, 2)
print(k.a, K.anything, K.__name__)
try:
    k.anything
except AttributeError as e:
    print("AttributeError", e)
