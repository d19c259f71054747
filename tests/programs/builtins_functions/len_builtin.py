print(len(""), len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(bytearray(3)), len(memoryview(b"abc")), len(range(0, 10, 3)), len({}.keys()))
for bad in [5, None, iter([]), (x for x in [])]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)
