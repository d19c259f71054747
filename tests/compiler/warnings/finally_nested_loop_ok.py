for i in x:
    try:
        pass
    finally:
        for j in y:
            break
        while z:
            continue
