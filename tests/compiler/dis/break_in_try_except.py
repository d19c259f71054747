for x in y:
    try:
        break
    except E:
        continue
