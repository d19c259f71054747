class C:
    a = [x for x in range(3)]
