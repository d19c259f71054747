class A:
    def __init__(self):
        print("A.__init__")
        self.a = 1
    def hello(self):
        return "A.hello"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
    @staticmethod
    def sm():
        return "A.sm"
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.b = 2
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def cm(cls):
        return "B>" + super().cm()
    @staticmethod
    def sm():
        return "B>" + super(B, B).sm()
b = B()
print(b.a, b.b, b.hello(), B.cm(), b.sm(), super(B, b).hello(), super(B, B).cm())
print(super(B, b).__self__ is b, super(B, b).__thisclass__, super(B, b).__self_class__)
