import os
import os.path
import os.path as p
from collections import OrderedDict as OD, deque
from . import sibling


def f(cmd):
    import json
    match cmd:
        case [x, *rest]:
            return x, rest
        case {"k": v, **others}:
            return v, others
        case Point(x=px, y=py) as pt:
            return px, py, pt
        case str() | bytes() as s:
            return s
        case _:
            return None
    try:
        pass
    except Exception as exc:
        return exc
    with open(cmd) as (a, b):
        del a
    for i, (j, k) in enumerate(cmd):
        pass
    x: int
    return json
