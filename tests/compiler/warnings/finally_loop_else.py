for i in x:
    try:
        pass
    finally:
        for j in y:
            pass
        else:
            break
