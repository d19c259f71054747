a = [x for x in y]
b = [x * 2 for x in y if x]
