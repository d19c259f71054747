items = list(range(6))
while items:
    del items[0]
    if len(items) == 3:
        break
print(items)
def f():
    x = 1
    del x
    x = 2
    return x
print(f())
class C:
    a = 1
    del a
print(hasattr(C, "a"))
try:
    class D:
        del undefined_in_class
except NameError as e:
    print("NameError", e)
g = 5
def h():
    global g
    del g
h()
print("g" in globals())
