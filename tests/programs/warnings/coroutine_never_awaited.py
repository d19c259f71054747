# A coroutine freed before it was awaited issues a RuntimeWarning where it dies.
import warnings


async def job():
    return 1


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    job()
    c = job()
    c.close()         # closing counts as finished: no warning
    [job() for _ in range(2)]
print([(w.category.__name__, str(w.message), w.lineno, w.source.__qualname__) for w in log])
print("end")
