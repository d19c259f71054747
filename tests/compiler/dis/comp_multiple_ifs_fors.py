r = [x + y for x in a if x for y in b if y > x]
