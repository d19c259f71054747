# PEP 667: frame.f_locals of a function is a write-through FrameLocalsProxy; locals() is a
# snapshot; module and class bodies give their namespace itself.
import sys


def f(a, b=2):
    x = 1
    fl = sys._getframe().f_locals
    print(type(fl).__name__, type(fl).__module__, repr(fl))
    x = 5
    print(fl['x'], len(fl), list(fl), 'x' in fl, 'nope' in fl, fl.get('zz', 'dflt'))
    fl['x'] = 10
    print(x)
    fl['new'] = 3
    print(fl['new'], sorted(fl.keys()))
    try:
        del fl['x']
    except ValueError as e:
        print("ValueError:", e)
    del fl['new']
    try:
        fl['new']
    except KeyError as e:
        print("KeyError:", e)
    print(dict(fl) == {'a': 1, 'b': 2, 'x': 10, 'fl': fl}, isinstance(fl, dict))
    fl[1] = 2
    print(fl[1], sorted(fl.items(), key=str)[:2], type(fl.copy()).__name__)
    fl.update({"b": 20})
    print(b, fl.setdefault('x', 0), fl.pop(1))

    def inner():
        return x
    fl['x'] = 42          # x is a cell: the closure sees it
    print(inner())
    return inner


f(1)
print(sys._getframe().f_locals is globals(), sys._getframe().f_code.co_name)


class C:
    y = 2
    ns = sys._getframe().f_locals
    ns['z'] = 3
    print(ns['y'], 'y' in ns)


print(C.z)


def caller_line():
    return sys._getframe(1).f_lineno


def g():
    here = sys._getframe()
    return (sys._getframe(1).f_globals['__name__'], sys._getframe(1).f_code.co_name,
            here.f_back.f_code.co_name, here.f_code.co_name, caller_line(),
            here.f_globals is globals(), here.f_builtins is __builtins__.__dict__)


print(g())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)


def h():
    z = 1
    return locals()


print(h())


def k():
    v = 1
    loc = locals()
    v = 2
    return loc, locals()


print(k())


def outer():
    def middle():
        def innermost():
            f = sys._getframe()
            names = []
            while f is not None:
                names.append(f.f_code.co_name)
                f = f.f_back
            return names
        return innermost()
    return middle()


print(outer())


def after_return():
    w = 'alive'
    return sys._getframe()


fr = after_return()
print(fr.f_code.co_name, fr.f_locals['w'])
print(sys._getframemodulename(), sys._getframe(0).f_back)
