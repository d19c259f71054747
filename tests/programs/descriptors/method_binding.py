class Func:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)
class K:
    @Func
    def hello(self, who):
        return f"{type(self).__name__} greets {who}"
print(K().hello("you"), type(K.hello).__name__)
def plain(self):
    return "plain " + str(self)
bound = plain.__get__(42)
print(bound(), type(bound).__name__, plain.__get__(None, int) is plain)
print(classmethod(lambda cls: cls.__name__).__get__(None, K)(), staticmethod(lambda: "s").__get__(None, K)())
print(property(lambda self: "prop").__get__(K(), K), type(property.__get__).__name__)
