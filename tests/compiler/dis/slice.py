a = b[1:2]
c = b[:]
d = b[::2]
e = b[x:y]
b[x:y] = z
del b[x:y]
f = b[x:y:z]
