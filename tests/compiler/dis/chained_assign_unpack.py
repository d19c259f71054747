a = b, c = d
