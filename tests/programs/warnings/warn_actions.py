# warnings.warn through the default filters and each action, with module registries.
import warnings


def deprecated_api():
    warnings.warn("old API", DeprecationWarning, stacklevel=2)


deprecated_api()          # shown: DeprecationWarning in __main__
deprecated_api()          # shown again: another line
for _ in range(3):
    deprecated_api()      # shown once for this line ("default")

warnings.warn("plain")                      # UserWarning by default
warnings.warn("runtime", RuntimeWarning)
warnings.warn(FutureWarning("an instance"))
warnings.warn("pending", PendingDeprecationWarning)   # ignored by default
warnings.warn("resource", ResourceWarning)            # ignored by default
warnings.warn("import", ImportWarning)                # ignored by default

warnings.simplefilter("always", UserWarning)
for i in range(2):
    warnings.warn("always shown")

warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once")
warnings.warn("only once")    # another line, still once

warnings.resetwarnings()
warnings.simplefilter("module")
warnings.warn("per module")
warnings.warn("per module")   # another line, same module: not shown

warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.warn("ignored")

warnings.resetwarnings()
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("caught:", type(e).__name__, e)
warnings.warn("still a warning", UserWarning)

print("registry keys:", sorted(k for k in __warningregistry__ if k != "version")[:2])
try:
    warnings.warn("bad", int)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except ValueError as e:
    print("ValueError:", e)
print("done")
