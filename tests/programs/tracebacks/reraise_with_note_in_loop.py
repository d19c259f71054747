# expect-stderr
def process(items):
    for i, item in enumerate(items):
        try:
            yield 10 / item
        except ZeroDivisionError as e:
            e.add_note(f"while processing item {i}")
            raise
print(list(process([1, 2, 0, 4])))
