# Property reads at one site, many times: the getter runs as a frame of the caller; what changes
# must send the read back through the generic lookup.


class Box:
    def __init__(self, w):
        self.w = w

    @property
    def double(self):
        return self.w * 2


class Sub(Box):
    @property
    def double(self):
        return -self.w


def read_all(objs):
    return [o.double for o in objs]


boxes = [Box(i) for i in range(4)]
print(read_all(boxes))
print(read_all(boxes + [Sub(5)] + boxes))

# The instance dict cannot shadow a data descriptor.
b = Box(3)
b.__dict__["double"] = "shadow"
print(read_all([b, b]))

# The class attribute replaced.
Box.double = property(lambda self, extra=7: self.w + extra)
print(read_all(boxes))
Box.double = 42
print(read_all(boxes))
del Box.double
try:
    read_all(boxes)
except AttributeError as e:
    print("AttributeError:", e)


# A getter that raises: the traceback shows the reading line and the getter.
class Fails:
    @property
    def value(self):
        return 1 // 0


def read(o):
    return o.value


for _ in range(3):
    try:
        read(Fails())
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(names)


# A getter that raises AttributeError (no __getattr__ here, so it propagates).
class Missing:
    @property
    def gone(self):
        raise AttributeError("gone away")


for _ in range(2):
    try:
        Missing().gone
    except AttributeError as e:
        print("AttributeError:", e)


# ... and with __getattr__, which gets the second chance.
class Fallback:
    @property
    def gone(self):
        raise AttributeError("gone away")

    def __getattr__(self, name):
        return "fallback " + name


print([Fallback().gone for _ in range(3)])


# A property on a __slots__ class and a property subclass.
class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    @property
    def twice(self):
        return self.v * 2


class myprop(property):
    pass


class WithSub:
    x = myprop(lambda self: "sub-property")


print([Slotted(i).twice for i in range(3)], [WithSub().x for _ in range(2)])


# Reading through the class gives the property itself.
print([type(Box2.double).__name__ for Box2 in (Sub, Sub)])


# __getattr__ added to the class after the site was specialised.
class Late:
    @property
    def p(self):
        raise AttributeError("p failed")


def read_p(o):
    try:
        return o.p
    except AttributeError as e:
        return "AttributeError: %s" % e


print([read_p(Late()) for _ in range(3)])
Late.__getattr__ = lambda self, name: "late " + name
print([read_p(Late()) for _ in range(3)])
