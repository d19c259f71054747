# warn_explicit with registries and modules; stacklevel beyond the stack; warning attributes.
import warnings

warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
warnings.warn_explicit("explicit module", UserWarning, "other.py", 3, module="othermod")
reg = {}
for i in range(3):
    warnings.warn_explicit("registered", RuntimeWarning, "reg.py", 5, registry=reg)
print(sorted(map(repr, reg.items())))
warnings.warn_explicit(UserWarning("inst"), None, "inst.py", 1)


def level3():
    warnings.warn("from level3 at 3", stacklevel=3)


def level2():
    level3()


level2()


def deep():
    warnings.warn("way up", stacklevel=50)


deep()

try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=[])
except TypeError as e:
    print("TypeError:", e)

warnings.filterwarnings("error", category=UserWarning, lineno=37)
try:
    warnings.warn("line 37 is an error")
except UserWarning as e:
    print("error at line 37:", e)
warnings.warn("line 41 is not")
print(warnings.filters[0])
