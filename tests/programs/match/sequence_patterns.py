def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long starting {first}, rest {rest}"
        case [first, *middle, last]:
            return f"first {first}, middle {middle}, last {last}"
for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", range(3), (x for x in [1])]:
    print(repr(v) if not hasattr(v, "gi_frame") else "generator", "->", seq(v))
match [1, [2, 3]]:
    case [x, [y, z]]:
        print("nested", x, y, z)
match (1, 2):
    case (1, *_):
        print("star wildcard")
