@x[0].y(1)
@(lambda f: f)
@a if b else c
def f(): pass
