x = 0b5
