class A[*Ts: (int, str)]:
    pass
