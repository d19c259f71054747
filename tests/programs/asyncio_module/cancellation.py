# Cancellation, wait_for, timeout(), shield, TaskGroup and its exception groups.
import asyncio

async def sleeper(d, log, name):
    try:
        await asyncio.sleep(d)
        log.append(f"{name} done")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise

async def fail(d, msg):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def main():
    log = []
    t = asyncio.create_task(sleeper(10, log, "t"))
    await asyncio.sleep(0)
    print(t.cancel("why"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", e.args, t.cancelled())
    try:
        await asyncio.wait_for(sleeper(10, log, "w"), timeout=0.005)
    except TimeoutError as e:
        print("wait_for:", type(e).__name__)
    print(await asyncio.wait_for(sleeper(0, log, "fast"), timeout=1))
    try:
        async with asyncio.timeout(0.005) as cm:
            await sleeper(10, log, "ctx")
    except TimeoutError:
        print("timeout():", cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print(cm.when(), cm.expired())
    inner = asyncio.create_task(sleeper(0.005, log, "shielded"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", inner.cancelled())
    print(await inner)
    print(log)

    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, "one"))
            tg.create_task(fail(0.05, "two"))
            tg.create_task(sleeper(10, log, "bystander"))
    except* ValueError as eg:
        print(type(eg).__name__, eg.message, sorted(str(e) for e in eg.exceptions))
    print(log)
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(sleeper(0.001 * i, log, f"g{i}")) for i in range(3)]
    print([t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0, "solo"))
    except ExceptionGroup as eg:
        print(repr(eg))
    r = await asyncio.gather(fail(0, "x"), sleeper(0, log, "ok"), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(fail(0, "first"), sleeper(0.01, log, "other"))
    except ValueError as e:
        print("gather raised", e)
    done, pending = await asyncio.wait(
        [asyncio.create_task(sleeper(0.001, log, "a")), asyncio.create_task(sleeper(1, log, "b"))],
        return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    await asyncio.sleep(0)
    res = []
    for c in asyncio.as_completed([asyncio.sleep(0.05, "slow"), asyncio.sleep(0, "quick")]):
        res.append(await c)
    print(res)

asyncio.run(main())
