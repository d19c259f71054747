cases = ["a, b = 1, 2, 3", "a, b = [1]", "a, b = 5", "a, *b, c = [1]", "(a, b), c = 1, 2", "a, b = 'abc'", "[a] = []"]
for code in cases:
    try:
        exec(code)
    except (ValueError, TypeError) as e:
        print(code, "->", type(e).__name__, e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    a, b = gen()
except ValueError as e:
    print("ValueError", e)
a, *b = gen()
print(a, b)
