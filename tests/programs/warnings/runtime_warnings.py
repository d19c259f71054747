# Warnings the interpreter itself issues: ~bool, and SyntaxWarnings of compile()/eval().
print(~True, ~False)
x = True
print(~x)

code = compile("x = 1 is 1", "<snippet>", "exec")
print(eval("(1, 2) (3)", {}) if False else "skipped")
exec(compile("assert (1, 'msg')", "<assert>", "exec"))

import warnings
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    print(~True)
    compile("y = 'a' is 'a'", "<rec>", "exec")
for w in log:
    print(w.category.__name__, w.filename, w.lineno, str(w.message)[:40])

warnings.simplefilter("error")
try:
    ~True
except DeprecationWarning as e:
    print("DeprecationWarning raised:", str(e)[:30])
