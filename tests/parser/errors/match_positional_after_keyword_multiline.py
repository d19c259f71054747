match p:
    case Point(
        x=0,
        y,
    ):
        pass
