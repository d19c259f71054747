# expect-stderr
def check(values):
    assert all(v > 0 for v in values), f"non-positive in {values}"
check([1, 2])
check([1, -2])
