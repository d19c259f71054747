class K:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def method(self):
        pass
k = K()
print([n for n in dir(k) if not n.startswith("__")], vars(k), sorted(n for n in vars(K) if not n.startswith("__")))
class CustomDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(CustomDir()))
def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
print("__builtins__" in dir(), "K" in dir(), type(vars()).__name__)
