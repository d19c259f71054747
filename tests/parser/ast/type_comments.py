x = 1  # type: int
for a in b:  # type: List[int]
    pass
with c as d:  # type: ignore
    pass
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass
def g(x):  # type: (int) -> str
    return x
async def h():  # type: () -> None
    async for q in r:  # type: int
        pass
    async with s as t:  # type: int
        pass
y = 2  # type: ignore[abc]
