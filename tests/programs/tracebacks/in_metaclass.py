# expect-stderr
class Strict(type):
    def __new__(mcls, name, bases, ns):
        if "required" not in ns:
            raise TypeError(f"class {name} must define 'required'")
        return super().__new__(mcls, name, bases, ns)
class Good(metaclass=Strict):
    required = True
class Bad(metaclass=Strict):
    pass
