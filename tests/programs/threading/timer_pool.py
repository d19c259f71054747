# threading.Timer fires in its own thread; cancel() stops one; ThreadPoolExecutor maps and
# submits work to pool threads.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

fired = []
t = threading.Timer(0.01, fired.append, args=('fired',))
t.start()
t.join()
print(fired, t.is_alive())

c = threading.Timer(10, fired.append, args=('never',))
c.start()
c.cancel()
c.join()
print(fired, c.finished.is_set())


def square(x):
    time.sleep(0.001)
    return x * x


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futs)))
    done, not_done = wait(futs)
    print(len(done), len(not_done))
    bad = ex.submit(lambda: 1 / 0)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
    print(type(bad.exception()).__name__)

names = set()
with ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool') as ex:
    for n in ex.map(lambda _: threading.current_thread().name.split('_')[0], range(6)):
        names.add(n)
print(names)
