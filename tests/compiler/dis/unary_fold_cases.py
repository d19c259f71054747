a = -(-1)
b = not 0
c = +5
d = ~0
e = -1.5
f = -(1 + 2j)
g = not ()
