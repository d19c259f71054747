type A[T: (int, str)] = list[T]
