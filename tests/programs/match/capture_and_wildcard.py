def f(x):
    match x:
        case 0:
            return "zero"
        case n if n < 0:
            return f"negative {n}"
        case n:
            return f"captured {n}"
print(f(0), f(-5), f(7))
match 42:
    case _:
        print("wildcard matched")
match "abc":
    case value:
        pass
print("value bound after match:", value)
