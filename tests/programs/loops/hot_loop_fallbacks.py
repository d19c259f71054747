# The eval loop's fast instructions and their fallbacks to the generic path: unbound locals in
# each load form, tagged-int overflow, non-bool conditions, attribute caches that stop
# applying, iterators of every kind, and EXTENDED_ARG (big jumps, many locals and constants)
# with the line and offset a traceback reports.
import sys


def unbound_forms():
    def plain():
        if False:
            x = 1
        return x

    def pair_first():
        if False:
            a = 1
        b = 2
        return a + b

    def pair_second():
        a = 1
        if False:
            b = 2
        return a + b

    def store_then_load():
        if False:
            y = 0
        x = 5
        x = 6; return (x, y)

    def deleted():
        v = 3
        del v
        return v

    for f in (plain, pair_first, pair_second, store_then_load, deleted):
        try:
            f()
        except UnboundLocalError as e:
            print(f.__name__, "->", e)


def int_edges():
    big = 2**62
    print(big + big, big * 4, -big - big - big, 7 // -2, -7 % 3, 1 << 70)
    print(10 / 4, 2**70 > 2**69, 3 < 2**64, (2**63) == 2**63)
    x = 0
    for i in range(5):
        x += i * i
    print(x, 5.5 + 1, 2 - 0.5, 3 * 1.5, 7.0 / 2, 2.0**0.5)
    try:
        1 // 0
    except ZeroDivisionError as e:
        print("zde", e)


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v


class Slotted:
    __slots__ = ("a",)


class Plain:
    pass


def conditions():
    for v in (0, 1, "", "x", [], [0], None, Truthy(True), Truthy(False), 0.0, 2.5):
        if v:
            print(repr(v) if not isinstance(v, Truthy) else "Truthy", "true")
        else:
            print(repr(v) if not isinstance(v, Truthy) else "Truthy", "false")
    print([v is None for v in (None, 0)], [v is not None for v in (None, 0)])
    print(not Truthy(False))


def attributes():
    objs = [Slotted(), Plain(), Slotted(), Plain()]
    for i, o in enumerate(objs * 3):
        o.a = i
        print(o.a, end=" ")
    print()
    p = Plain()
    for i in range(20):
        if i == 10:
            Plain.a = property(lambda self: "prop")
        try:
            p.a = i
        except AttributeError as e:
            print("setattr", i, e)
            break
        print(p.a, end=" ")
    print()
    s = Slotted()
    try:
        s.a
    except AttributeError as e:
        print("slot", e)


def iterators():
    print(sum(i for i in range(10)), [x for x in [1, 2, 3]], [x for x in (4, 5)])
    print([x for x in "ab"], [x for x in {1: 2}], [x for x in iter([7, 8].pop, 7)])
    for i in range(2**62, 2**62 + 2):
        print(i)
    for i in range(3, 0, -1):
        print(i, end=" ")
    print()


def many_locals():
    names = [f"v{i}" for i in range(300)]
    src = "def f():\n"
    src += "".join(f"    {n} = {i}\n" for i, n in enumerate(names))
    src += "    return " + " + ".join(names) + "\n"
    src += "def g():\n"
    src += "".join(f"    {n} = {i}\n" for i, n in enumerate(names))
    src += "    del v299\n    return v299\n"
    ns = {}
    exec(src, ns)
    print(ns["f"]())
    try:
        ns["g"]()
    except UnboundLocalError as e:
        tb = e.__traceback__.tb_next
        print(e, tb.tb_lineno, tb.tb_lasti > 512)


def big_loop():
    total = 0
    for i in range(3):
        # A body longer than 255 code units: its JUMP_BACKWARD needs EXTENDED_ARG.
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        total += i; total += i; total += i; total += i; total += i; total += i
        if i == 2:
            print(sys._getframe().f_lineno)
    print(total)


unbound_forms()
int_edges()
conditions()
attributes()
iterators()
many_locals()
big_loop()
