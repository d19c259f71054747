r = a < b < c
s = a == b != c > d
