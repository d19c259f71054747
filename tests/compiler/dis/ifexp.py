r = a if b else c
