class A[T: (y := 1)]: pass
