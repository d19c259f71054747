def ident[T](x: T) -> T:
    return x


def many[T: int, *Ts, **P](a: T, *args: *Ts, **kw: P.kwargs) -> T:
    return a


def with_defaults[T = int, U: (int, str) = str](a=1, *, b=2):
    return a


class Box[T, __U]:
    def get(self) -> T:
        return self.__U

    class Inner[V]:
        pass


type Alias = list[int]
type Gen[K, V: int = int] = dict[K, V]


class Holder:
    type Local[T] = list[T]

    def m[S](self, s: S) -> S:
        return s
