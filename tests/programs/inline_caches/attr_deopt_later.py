# Attribute caches and features that change an object's lookup after the fact.


class A:
    def __init__(self, x):
        self.x = x


def read_x(objs):
    return [o.x for o in objs]


# __getattribute__ added to the class later.
class B:
    def __init__(self):
        self.v = 1


def read_v(o):
    return o.v


b = B()
print([read_v(b) for _ in range(3)])
B.__getattribute__ = lambda self, name: "intercepted " + name
print(read_v(b))


# __class__ assignment moves an object to another type.
class C1:
    def m(self):
        return 1


class C2:
    def m(self):
        return 2


o = C1()
r = []
for i in range(6):
    if i == 3:
        o.__class__ = C2
    r.append(o.m())
print(r)

# Replacing __dict__ wholesale.
a = A(5)
print([read_x([a])[0] for _ in range(3)])
a.__dict__ = {"x": 99}
print(read_x([a]))


