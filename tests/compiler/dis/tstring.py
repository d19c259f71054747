t = t'x{a}y'
