def m(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "color": "red"}, {"type": "blob"}, {"other": 1}, {}, [("type", "point")], "str"]:
    print(m(v))
from collections import defaultdict
dd = defaultdict(int)
match dd:
    case {"missing": _}:
        print("matched missing?")
    case _:
        print("defaultdict not auto-filled:", dict(dd))
