class C[T]:
    pass
