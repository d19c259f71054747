a = {x for x in y}
b = {k: v for k, v in d.items()}
