a = [(x, y) for x in a for y in b]
