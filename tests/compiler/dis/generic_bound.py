def f[T: int, *Ts, **P](x: T) -> T:
    return x
