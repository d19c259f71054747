type X = int
type Y[T] = list[T]
