# The TypeErrors of `with`/`async with` on objects missing a method, with the hint CPython
# gives when the other protocol is there.
class LacksEnter:
    def __exit__(self, *a):
        pass


class LacksExit:
    def __enter__(self):
        pass


class LacksBoth:
    pass


class AsyncOnly:
    async def __aenter__(self):
        pass

    async def __aexit__(self, *a):
        pass


class SyncOnly:
    def __enter__(self):
        pass

    def __exit__(self, *a):
        pass


class ALacksEnter:
    async def __aexit__(self, *a):
        pass


class ALacksExit:
    async def __aenter__(self):
        pass


for cls in (LacksEnter, LacksExit, LacksBoth, AsyncOnly):
    try:
        with cls():
            pass
    except TypeError as e:
        print("with:", e)


async def use(cls):
    async with cls():
        pass


for cls in (ALacksEnter, ALacksExit, LacksBoth, SyncOnly):
    try:
        use(cls).send(None)
    except TypeError as e:
        print("async with:", e)
