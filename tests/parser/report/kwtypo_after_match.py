match x:
    case 1:
        pass
fro y in x:
    pass
