x = 1
def f():
    return x, y
y = x
del x
class C:
    a = y
    b = a
    def m(self):
        return a
print(y)
exec("z = 1")
