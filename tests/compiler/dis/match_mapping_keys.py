match x:
    case {1: a, 'b': b, c.d: e}:
        pass
