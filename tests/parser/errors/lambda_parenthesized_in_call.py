f(lambda x, (y): 0)
