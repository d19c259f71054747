# Weak references to instances of classes with __slots__, with and without __weakref__.
import _weakref


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


class WithWeak:
    __slots__ = ("a", "__weakref__")


class SubOfSlotted(Slotted):
    pass


class SlottedSub(Slotted):
    __slots__ = ("b",)


class SubOfWithWeak(WithWeak):
    __slots__ = ()


for cls in (Plain, Slotted, WithWeak, SubOfSlotted, SlottedSub, SubOfWithWeak):
    try:
        obj = cls()
        r = _weakref.ref(obj)
        print(cls.__name__, "ok", r() is obj)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)


class L(list):
    pass


class Dct(dict):
    pass


for cls in (L, Dct):
    o = cls()
    print(cls.__name__, _weakref.ref(o)() is o)
