# expect-stderr
def parse(text):
    return int(text)
def load(items):
    return [parse(x) for x in items]
result = load(["1", "2", "three"])
