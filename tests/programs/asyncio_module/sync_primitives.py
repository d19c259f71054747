# asyncio.Queue, Event, Lock, Semaphore, Condition between tasks.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(name, q, out):
    while (item := await q.get()) is not None:
        out.append(item)
        q.task_done()
    q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer("c", q, out))
    print(out, q.empty(), q.qsize())
    q2 = asyncio.Queue()
    q2.put_nowait(1)
    print(q2.get_nowait(), q2.full())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])

    ev = asyncio.Event()
    seen = []
    async def waiter(i):
        await ev.wait()
        seen.append(i)
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("set?", ev.is_set(), seen)
    ev.set()
    await asyncio.gather(*ws)
    print(sorted(seen))

    lock = asyncio.Lock()
    trace = []
    async def critical(i):
        async with lock:
            trace.append(("in", i))
            await asyncio.sleep(0)
            trace.append(("out", i))
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(trace, lock.locked())

    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
    await asyncio.gather(*(limited() for _ in range(5)))
    print("max concurrent", active[1])

    cond = asyncio.Condition()
    items = []
    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    t = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print(await t)

asyncio.run(main())
