# catch_warnings(record=True), showwarning/formatwarning replacements and restoring filters.
import warnings


def noisy(n):
    for i in range(n):
        warnings.warn(f"warning {i}", UserWarning, stacklevel=2)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    noisy(3)
    warnings.warn("direct", DeprecationWarning)
    warnings.warn(SyntaxWarning("instance"))
for w in log:
    print(type(w).__name__, w.category.__name__, str(w.message), w.lineno, w.filename.endswith(".py"), w.line)
print(str(log[0]).endswith("line : None}"))

before = list(warnings.filters)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        noisy(1)
    except UserWarning as e:
        print("error inside:", e)
print("filters restored:", warnings.filters == before)

shown = []
def my_show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))

old = warnings.showwarning
warnings.showwarning = my_show
warnings.warn("to my_show")
warnings.warn("to my_show", RuntimeWarning)
warnings.showwarning = old
print(shown)

print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 7, "  the line  ")))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "file.py", 8, "")))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeat")
    print(len(log))

with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
with warnings.catch_warnings(record=True, action="always", category=RuntimeWarning) as log:
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    print([str(w.message) for w in log])
warnings.warn("after")
