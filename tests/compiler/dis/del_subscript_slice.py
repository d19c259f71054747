del a[1:2], a[::2], a.b[c]
