class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=OrderedMeta, option=1):
    print("body sees", injected)
print(C.injected)
class Recorder(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("define", k)
        super().__setitem__(k, v)
class RecMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
class R(metaclass=RecMeta):
    a = 1
    def f(self): pass
    a = 2
print(R.a)
