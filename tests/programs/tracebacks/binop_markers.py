# expect-stderr
def compute(a, b, c):
    return a + b * c / (b - b)
compute(1, 2, 3)
