a = b = 3 = c
