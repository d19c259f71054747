assert (x, y), 'm'
