f = lambda: 0
g = lambda x, y=1: x + y
