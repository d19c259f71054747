# Attribute caches must notice every change that affects a lookup.


class A:
    kind = "a"

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read_x(objs):
    return [o.x for o in objs]


def read_kind(objs):
    return [o.kind for o in objs]


def call_get(objs):
    return [o.get() for o in objs]


objs = [A(i) for i in range(5)]
for _ in range(3):
    print(read_x(objs), read_kind(objs), call_get(objs))

# A class attribute changed after the cache warmed.
A.kind = "changed"
print(read_kind(objs))

# A method replaced on the class.
A.get = lambda self: -self.x
print(call_get(objs))

# The instance dict shadows a class attribute and a method.
objs[2].kind = "own"
objs[3].get = lambda: "instance function"
print(read_kind(objs), call_get(objs))

# Deleting and re-adding instance attributes changes the dict layout.
del objs[1].x
objs[1].y = 7
objs[1].x = 11
print(read_x(objs))
try:
    del objs[4].x
    read_x(objs)
except AttributeError as e:
    print("AttributeError:", e)
objs[4].x = 4


# __getattr__ added to the class later.
def ga(self, name):
    return "hook:" + name


A.__getattr__ = ga
del objs[0].x
print(read_x(objs))


# A property defined on a subclass later, and a base-class change seen through a subclass.
class Base:
    def who(self):
        return "base"


class Sub(Base):
    pass


s = Sub()
print([s.who() for _ in range(3)])
Base.who = lambda self: "base2"
print(s.who())
Sub.who = property(lambda self: lambda: "prop")
print(s.who())

# Stores through a cached site.
class P:
    def __init__(self):
        self.n = 0


def bump(p):
    p.n = p.n + 1


p = P()
for _ in range(5):
    bump(p)
print(p.n, vars(p))
q = P()
q.extra = 1
for _ in range(3):
    bump(q)
    bump(p)
print(p.n, q.n, vars(q))


class D:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        return 41

    def __set__(self, obj, value):
        print("set", value)


P.n = D()
bump(p)
print(p.n)
