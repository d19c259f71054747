a, *b, c = range(5)
*d, = e
