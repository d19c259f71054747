x is 1
x is not 'a'
1 is x
x is None
x is ()
x is (1, 2)
x is (a, 1)
x is ...
x is True
if a is 2 < 3:
    pass
while a < b is 3:
    pass
