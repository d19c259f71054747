import collections
for subject in [[1, 2], (1, 2), range(1, 3), collections.deque([1, 2]), memoryview(b"\x01\x02"), {1: 1, 2: 2}, iter([1, 2])]:
    match subject:
        case [a, b]:
            print(type(subject).__name__, "matched", a, b)
        case _:
            print(type(subject).__name__, "no")
