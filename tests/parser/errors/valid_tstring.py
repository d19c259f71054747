name = 'x'
t1 = t'hello {name!r:>10}'
t2 = t'a' t'{name}'
