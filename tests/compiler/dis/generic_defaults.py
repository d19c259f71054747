def f[T = int](x=1, *, y=2):
    return x
