def f(m):
    match m:
        case {"id": 1, **rest}:
            return ("id1", rest)
        case {"id": _, "name": str(name)}:
            return ("named", name)
        case {}:
            return ("mapping", len(m))
print(f({"id": 1, "x": 2, "y": 3}), f({"id": 2, "name": "n", "z": 0}), f({"id": 2}), f({}))
import collections
od = collections.OrderedDict(id=1, k=2)
print(f(od), f(collections.defaultdict(int, id=1)))
