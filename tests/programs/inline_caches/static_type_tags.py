# Built-in types never share cache entries: the method cache and the attribute caches of a
# LOAD_ATTR site tell every built-in type apart (deque, re.Pattern, _io objects, iterators).
import collections
import io
import re


def attrs(o):
    out = []
    for name in ("append", "match", "rotate", "pattern", "readable", "maxlen", "groups",
                 "span", "getvalue", "__length_hint__"):
        try:
            getattr(o, name)
            out.append(name)
        except AttributeError:
            pass
    return out


d = collections.deque([1, 2, 3])
p = re.compile("(a)(b)?")
m = p.match("ab")
objs = [d, p, m, io.BytesIO(b"x"), io.StringIO("y"), iter(d), reversed(d), iter([1]),
        iter((1,)), iter({1: 2}), iter({1: 2}.values()), iter("ab")]
for round_ in range(3):
    for o in objs:
        print(type(o).__name__, attrs(o))


def same_site(o):
    return o.append


for o in (d, p, d, m, d):
    try:
        print(type(o).__name__, same_site(o).__name__)
    except AttributeError as e:
        print(type(o).__name__, "AttributeError:", e)


def group_site(o):
    return o.groups


for o in (m, p, m, d):
    try:
        r = group_site(o)
        print(type(o).__name__, r if isinstance(r, int) else r())
    except AttributeError as e:
        print(type(o).__name__, "AttributeError:", e)
