def ident[T](x: T) -> T:
    return x

class Box[T, *Ts, **P]:
    def get(self) -> T:
        ...

def bounded[T: int, U: (str, bytes) = str](a: T, b: U) -> U:
    return b

type Alias = list[int]
type Generic[K, V = int] = dict[K, V]

class Sub[T](Box[T]):
    pass
