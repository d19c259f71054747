if x in {1, 2, 3}:
    pass
for i in {'a', 'b'}:
    pass
