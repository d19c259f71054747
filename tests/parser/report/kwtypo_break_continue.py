while True:
    if x:
        brek
    contniue x
