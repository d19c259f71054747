for i in x:
    try:
        pass
    finally:
        if i:
            break
        continue
