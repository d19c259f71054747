def g(p):
    match p:
        case (x, y) if x > y:
            return "descending"
        case (x, y) if x < y:
            return "ascending"
        case (x, _) if print("guard evaluated with", x) or False:
            return "never"
        case (x, y):
            return f"equal {x}"
print(g((3, 1)), g((1, 3)), g((2, 2)))
calls = []
def check(v):
    calls.append(v)
    return v > 1
match [1, 2, 3]:
    case [a, *_] if check(a):
        print("first")
    case [_, b, *_] if check(b):
        print("second", b)
print(calls)
