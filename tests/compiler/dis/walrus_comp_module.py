r = [z for x in y if (z := x)]
