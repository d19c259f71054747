# expect-stderr
def gen():
    yield 1
    yield 1 / 0
for value in gen():
    print(value)
