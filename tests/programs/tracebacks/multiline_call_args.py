# expect-stderr
def combine(a, b, c):
    raise RuntimeError(f"cannot combine {a}, {b}, {c}")
result = combine(
    1,
    2,
    3,
)
