log = []
def deco(name):
    log.append(f"make {name}")
    def apply(obj):
        log.append(f"apply {name} to {obj.__name__}")
        return obj
    return apply
def base():
    log.append("base expr")
    return object
@deco("first")
@deco("second")
class C(base(), metaclass=(log.append("metaclass expr") or type)):
    log.append("body start")
    def method(self, default=log.append("default evaluated")):
        pass
    log.append("body end")
print(log)
