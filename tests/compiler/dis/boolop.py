r = a and b
s = a or b or c
t = (a and b) or c
