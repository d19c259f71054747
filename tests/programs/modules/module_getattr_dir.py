import sys
m = type(sys)("lazy")
def __getattr__(name):
    if name == "computed":
        return "computed value"
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")
def __dir__():
    return ["computed", "other"]
m.__getattr__ = __getattr__
m.__dir__ = __dir__
print(m.computed, dir(m))
try:
    m.nothing
except AttributeError as e:
    print("AttributeError", e)
