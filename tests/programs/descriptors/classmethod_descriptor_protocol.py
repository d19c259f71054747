class A:
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm(*args):
        return args
class B(A):
    pass
cm = A.__dict__["cm"]
sm = A.__dict__["sm"]
print(cm.__get__(None, B)(), cm.__get__(B(), B)(), sm.__get__(None, A)(1), sm(2), callable(sm), callable(cm))
print(A.cm.__func__ is cm.__func__, B.cm.__self__ is B, type(A().cm).__name__, type(A.sm).__name__)
print(cm.__wrapped__ is cm.__func__, sm.__wrapped__ is sm.__func__, A.cm.__name__, A.sm.__name__)
