*f(), b = x
