def f[T](x: T) -> T: pass
def g[T: int, *Ts, **P](): pass
class C[T = int, *Ts = *tuple[int], **P = [int]]: pass
type Alias = int
type Alias2[T] = list[T]
type Alias3[T: (int, str) = int] = T
async def h[T](): pass
type = 1
type.x = 2
