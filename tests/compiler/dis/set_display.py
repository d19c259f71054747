a = {x, y}
b = {*a, 1}
