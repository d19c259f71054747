r = not (a is b)
s = not (a in b)
t = not a
