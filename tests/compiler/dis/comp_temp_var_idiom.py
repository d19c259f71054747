r = [y for x in a for y in [x * 2]]
