# asyncio.run, tasks, gather, sleep, futures, call_soon/call_later, current_task.
import asyncio

async def square(x, delay):
    await asyncio.sleep(delay)
    return x * x

async def main():
    print("running", asyncio.get_running_loop().is_running())
    t = asyncio.create_task(square(3, 0), name="sq")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    print(await asyncio.gather(square(1, 0.002), square(2, 0.001), square(3, 0)))
    print(await asyncio.gather())
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, "soon1")
    loop.call_later(0.002, order.append, "later")
    h = loop.call_later(0.001, order.append, "cancelled")
    h.cancel()
    loop.call_soon(order.append, "soon2")
    await asyncio.sleep(0.005)
    print(order)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: order.append(("cb", f.result())))
    loop.call_soon(fut.set_result, 7)
    print(await fut, fut.done())
    await asyncio.sleep(0)
    print(order[-1])
    print(asyncio.current_task().get_name() == "Task-1")
    print(await asyncio.sleep(0, result="value"))
    fut2 = loop.create_future()
    fut2.set_exception(KeyError("k"))
    try:
        await fut2
    except KeyError as e:
        print("KeyError", e)
    c = square(5, 0)
    print(asyncio.iscoroutine(c), await c)
    return "result"

print(asyncio.run(main()))
print(asyncio.run(square(4, 0)))

async def boom():
    await asyncio.sleep(0)
    raise RuntimeError("boom")

try:
    asyncio.run(boom())
except RuntimeError as e:
    print("caught", e)
