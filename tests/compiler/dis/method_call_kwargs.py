obj.method(1, 2, key=3)
obj.a.b(*args)
obj.c(**kw)
