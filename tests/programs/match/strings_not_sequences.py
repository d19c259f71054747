for subject in ["abc", b"abc", bytearray(b"abc"), ["a", "b", "c"], ("a", "b", "c")]:
    match subject:
        case [a, b, c]:
            print(type(subject).__name__, "sequence", a, b, c)
        case _:
            print(type(subject).__name__, "not matched as sequence")
