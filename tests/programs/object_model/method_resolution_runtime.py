class A:
    def greet(self):
        return "hello from A"
a = A()
print(a.greet())
A.greet = lambda self: "patched"
print(a.greet())
def new_method(self, x):
    return x * 2
A.double = new_method
print(a.double(4))
a.greet = lambda: "instance override"
print(a.greet(), A.greet(a))
del A.greet
try:
    A().greet()
except AttributeError as e:
    print("AttributeError", e)
print(a.greet())
