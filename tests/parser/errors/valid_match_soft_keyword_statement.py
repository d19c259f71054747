match = [1]
match match:
    case [case]:
        type = case
    case _:
        pass
