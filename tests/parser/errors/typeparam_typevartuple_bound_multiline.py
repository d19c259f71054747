class A[
    T,
    *Ts: int,
]:
    pass
