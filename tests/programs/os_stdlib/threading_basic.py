# threading: threads started and joined one at a time, thread names and identities, locks,
# events, conditions, thread-local data.
import threading

results = []


def work(n, scale=1):
    results.append((threading.current_thread().name, n * scale))


main = threading.current_thread()
print(main.name, main is threading.main_thread(), threading.active_count(), main.daemon)
t = threading.Thread(target=work, args=(3,), kwargs={'scale': 2}, name='worker-1')
print(t.name, t.is_alive(), t.ident is None, repr(t).startswith('<Thread(worker-1, initial'))
t.start()
t.join()
print(results, t.is_alive(), t.ident is not None, t.ident != main.ident)
for i in range(3):
    th = threading.Thread(target=work, args=(i,))
    th.start()
    th.join(timeout=1)
print(results[1:], threading.current_thread() is main, threading.get_ident() == main.ident)
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError', e)


class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name='counter')
        self.total = 0

    def run(self):
        for i in range(5):
            self.total += i


c = Counter()
c.start()
c.join()
print(c.total, c.name)
lock = threading.Lock()
with lock:
    print(lock.locked())
print(lock.locked(), lock.acquire(blocking=False), lock.locked())
lock.release()
r = threading.RLock()
with r:
    with r:
        print('reentrant')
ev = threading.Event()
print(ev.is_set(), ev.wait(0))
threading.Thread(target=ev.set).start()
print(ev.is_set(), ev.wait())
cond = threading.Condition()
with cond:
    print(cond.wait(0), cond.notify_all())
local = threading.local()
local.x = 'main'


def read_local():
    results.append(getattr(local, 'x', 'unset'))
    local.x = 'thread'


th = threading.Thread(target=read_local)
th.start()
th.join()
print(results[-1], local.x)
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError', e)
print(sorted(th.name for th in threading.enumerate()))
