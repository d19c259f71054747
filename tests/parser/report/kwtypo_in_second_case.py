match x:
    case 1:
        pass
    case 2:
        fro y in x: pass
