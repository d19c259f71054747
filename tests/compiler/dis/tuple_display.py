a = ()
b = (x,)
c = (*a, b)
