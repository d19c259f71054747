# sys.unraisablehook: a program's hook gets the report's parts; an error in the hook is reported
# the default way (naming the hook); sys.__unraisablehook__ is the default.
import re
import sys


print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)


class D:
    def __del__(self):
        raise ValueError("in del")


seen = []


def hook(u):
    msg = re.sub(r"0x[0-9a-f]+", "ADDR", u.err_msg)
    seen.append((u.exc_type.__name__, str(u.exc_value), msg, u.object, u.exc_traceback is not None))


sys.unraisablehook = hook
d = D()
del d
print(seen)


class BadHook:
    def __call__(self, u):
        raise KeyError("hook failed")

    def __repr__(self):
        return "<BadHook>"


sys.unraisablehook = BadHook()
d = D()
del d
sys.unraisablehook = sys.__unraisablehook__
print("end")
