# getattr with a default and hasattr on instances of Python classes: missing attributes,
# __getattr__ hooks (returning, raising AttributeError or another error), properties raising
# AttributeError, __slots__, class attributes, __dict__/__class__, non-str names.


class Plain:
    cls_attr = 5

    def __init__(self):
        self.x = 1


class Hook:
    def __getattr__(self, name):
        if name.startswith("ok"):
            return name.upper()
        if name == "boom":
            raise KeyError(name)
        raise AttributeError(f"hook says no to {name}")


class Prop:
    @property
    def bad(self):
        raise AttributeError("inside property")

    @property
    def good(self):
        return 42


class PropHook(Prop):
    def __getattr__(self, name):
        return ("hooked", name)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


p, h, q, ph, s = Plain(), Hook(), Prop(), PropHook(), Slotted()
print(getattr(p, "x", 0), getattr(p, "y", 0), getattr(p, "cls_attr", 0), hasattr(p, "y"))
print(getattr(p, "__class__", 0).__name__, getattr(p, "__dict__", 0), hasattr(p, "__dict__"))
print(getattr(h, "ok_a", 0), getattr(h, "nope", "dflt"), hasattr(h, "ok"), hasattr(h, "nope"))
print(getattr(q, "bad", "d1"), getattr(q, "good", "d2"), hasattr(q, "bad"), hasattr(q, "good"))
print(getattr(ph, "bad", "d3"), getattr(ph, "missing", "d4"), hasattr(ph, "bad"))
print(getattr(s, "a", 0), getattr(s, "b", "unset"), hasattr(s, "b"), hasattr(s, "c"))
for f in (lambda: getattr(h, "boom", 1), lambda: hasattr(h, "boom"), lambda: getattr(p, "y"),
          lambda: getattr(h, "nope"), lambda: getattr(p, 5, 1), lambda: hasattr(p, 5),
          lambda: getattr(q, "bad")):
    try:
        print(f())
    except (KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
p.__dict__["y"] = 9
print(getattr(p, "y", 0), hasattr(p, "y"))
total = 0
for i in range(1000):
    total += getattr(p, "x" if i % 4 else "absent", 2)
print(total)
