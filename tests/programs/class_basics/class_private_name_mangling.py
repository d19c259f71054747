class A:
    __secret = "A secret"
    def reveal(self):
        return self.__secret
    def __private_method(self):
        return "private"
    def call(self):
        return self.__private_method()
class B(A):
    __secret = "B secret"
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), b.call(), sorted(k for k in vars(A) if "secret" in k), sorted(k for k in vars(B) if "secret" in k))
try:
    b.__secret
except AttributeError as e:
    print("AttributeError", e)
print(b._A__secret, b._B__secret, getattr(b, "_A__private_method")())
