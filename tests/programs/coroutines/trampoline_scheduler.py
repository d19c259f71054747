class Yield:
    def __await__(self):
        yield
async def task(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return name.upper()
def run(*coros):
    log = []
    queue = [c(log) for c in coros]
    results = []
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results.append(e.value)
    return log, results
print(run(lambda l: task("a", 3, l), lambda l: task("b", 2, l), lambda l: task("c", 1, l)))
