x = [i fro i in y]
