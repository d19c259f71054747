while True:
    if x: brek 2
