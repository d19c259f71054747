if x in [1, 2, 3]:
    pass
if y in {'a', 'b'}:
    pass
for i in [a, b]:
    pass
