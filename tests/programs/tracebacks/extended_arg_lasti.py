# An instruction whose oparg needs EXTENDED_ARG: f_lasti/tb_lasti name the instruction itself,
# and exception handling, jumps and names past 255 work.
src = "def f(x):\n    " + "\n    ".join(f"y = x.n{i}" for i in range(300)) + "\n"
ns = {}
exec(src, ns)


class C:
    pass


c = C()
for i in range(299):
    setattr(c, f"n{i}", i)
try:
    ns["f"](c)
except AttributeError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_lasti, tb.tb_frame.f_lasti, e)

src = "def g(x):\n    " + "\n    ".join(f"v{i} = x + {i}" for i in range(300))
src += "\n    try:\n        return v299 / (x - 1)\n    except ZeroDivisionError:\n        return -v298\n"
exec(src, ns)
print(ns["g"](1), ns["g"](3))

src = "def h(n):\n    t = 0\n    while n:\n        n -= 1\n"
src += "".join(f"        t += {i}\n" for i in range(120))
src += "    return t\n"
exec(src, ns)
print(ns["h"](3))
