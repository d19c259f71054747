type type = int
type X[T] = list[T]
type = type
