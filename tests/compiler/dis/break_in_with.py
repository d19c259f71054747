for i in x:
    with a:
        break
