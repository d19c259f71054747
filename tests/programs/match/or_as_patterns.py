def f(x):
    match x:
        case (1 | 2) as small:
            return f"small {small}"
        case [("a" | "b") as letter, *_]:
            return f"letter {letter}"
        case {"k": (int() | float()) as num}:
            return f"number {num}"
        case (str() | bytes()) as text:
            return f"text {text!r}"
        case [int() as a, int() as b] | (int() as a, int() as b, _):
            return f"pair {a} {b}"
    return "no match"
for v in [1, 2, ["b", 9], {"k": 2.5}, "t", b"b", [3, 4], (5, 6, 7), [3, "x"], {"k": "x"}]:
    print(f(v))
