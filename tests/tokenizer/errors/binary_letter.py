x = 0b1a
