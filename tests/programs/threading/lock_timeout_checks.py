# Lock.acquire's timeout checks: NaN, negative, too large, non-blocking with a timeout.
import _thread
import threading

for lock in (_thread.allocate_lock(), _thread.RLock(), threading.Lock()):
    for kw in ({'timeout': float('nan')}, {'timeout': -2}, {'timeout': threading.TIMEOUT_MAX + 1},
               {'timeout': 1e300}, {'blocking': False, 'timeout': 1}):
        try:
            print(type(lock).__name__, kw, lock.acquire(**kw))
        except (ValueError, OverflowError) as e:
            print(type(lock).__name__, kw, type(e).__name__, e)
    print(lock.acquire(timeout=0.01))
    lock.release()
