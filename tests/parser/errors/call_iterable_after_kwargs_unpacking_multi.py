f(x, **a, *b, *c)
