None *= 2
