def f[T = int, *Ts = *tuple[int], **P = [int]](): pass
class A[T: (int, str) = int]: pass
