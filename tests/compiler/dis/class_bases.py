class C(A, B, metaclass=M):
    x = 1
