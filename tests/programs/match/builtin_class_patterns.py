def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str() as s:
            return f"str {s!r}"
        case list([a, b]):
            return f"list of two {a} {b}"
        case dict(d):
            return f"dict {d}"
        case tuple((1, *others)):
            return f"tuple starting 1 {others}"
        case _:
            return "other"
for v in [True, 5, 2.5, "s", [1, 2], [1], {"k": 1}, (1, 2, 3), (2,), None]:
    print(kind(v))
