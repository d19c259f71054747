# "Did you mean" for short names: any candidate within a third of the characters counts, as
# CPython's C search (used for the interpreter's own report and by traceback via _suggestions).
# expect-stderr
import traceback
import _suggestions

print(_suggestions._generate_suggestions(["id", "x"], "d"))
print(_suggestions._generate_suggestions([], "d"))
print(_suggestions._generate_suggestions(["abc"], "abc"))
for bad in [("ab", "a"), ([1], "a"), (["a"], 1)]:
    try:
        _suggestions._generate_suggestions(*bad)
    except TypeError as e:
        print(e)


class P:
    x = 1


try:
    P().y
except AttributeError:
    traceback.print_exc(limit=0)
try:
    d
except NameError:
    traceback.print_exc(limit=0)


def f():
    d.clear()


f()
