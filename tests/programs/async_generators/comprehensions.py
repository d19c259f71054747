class Tick:
    def __await__(self):
        yield "tick"
async def slow_range(n):
    for i in range(n):
        await Tick()
        yield i
async def main():
    squares = [x * x async for x in slow_range(4)]
    evens = {x async for x in slow_range(6) if x % 2 == 0}
    mapping = {x: str(x) async for x in slow_range(2)}
    return squares, sorted(evens), mapping
c = main()
ticks = 0
while True:
    try:
        c.send(None)
        ticks += 1
    except StopIteration as e:
        print(e.value, "ticks:", ticks)
        break
