x = 99
match x:
    case 1:
        print("one")
    case 2:
        print("two")
print("no case matched, fell through")
match [1, 2]:
    case [a, 3]:
        print("no")
    case _:
        pass
print("partial bind a =", a if "a" in dir() else "unbound")
match {"a": 1}:
    case {"a": 1, "b": 2}:
        print("no")
    case {"a": v}:
        print("v", v)
