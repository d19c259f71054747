type X[**P: int] = P
