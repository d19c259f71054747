name = "world"
t = t"hello {name}"
u = t"{name!r:>10} {name:{5}} {1 + 2 = }"
v = t"literal only"
