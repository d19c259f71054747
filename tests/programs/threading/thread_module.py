# The low-level _thread module: start_new_thread with arguments, locks released by another
# thread, lock timeouts, RLock ownership, get_ident differing per thread, _count.
import _thread
import threading
import time

done = _thread.allocate_lock()
done.acquire()
box = []


def f(a, b, *, c):
    box.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()          # a lock may be released by another thread


main_ident = _thread.get_ident()
ident = _thread.start_new_thread(f, (1, 2), {'c': 3})
print(type(ident).__name__, done.acquire(timeout=5), box)
done.release()

lk = _thread.allocate_lock()
lk.acquire()
t0 = time.monotonic()
print(lk.acquire(timeout=0.02), time.monotonic() - t0 >= 0.015, lk.acquire(False))
try:
    lk.acquire(False, 1)
except ValueError as e:
    print('ValueError', e)
try:
    lk.acquire(timeout=-2)
except ValueError as e:
    print('ValueError', e)
lk.release()
try:
    lk.release()
except RuntimeError as e:
    print('RuntimeError', e)

r = _thread.RLock()
r.acquire()
r.acquire()
res = []
t = threading.Thread(target=lambda: res.append((r._is_owned(), r.acquire(False))))
t.start()
t.join()
print(res, r._is_owned(), r._recursion_count())


def other_release():
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))


t = threading.Thread(target=other_release)
t.start()
t.join()
print(res[-1])
r.release()
r.release()
print(r._is_owned(), 'unlocked' in repr(r))

# A waiter blocked on a lock is woken by the release in another thread.
gate = _thread.allocate_lock()
gate.acquire()
order = []


def blocked():
    gate.acquire()
    order.append('acquired')
    gate.release()


t = threading.Thread(target=blocked)
t.start()
time.sleep(0.01)
order.append('releasing')
gate.release()
t.join()
print(order)


def quiet():
    raise SystemExit


_thread.start_new_thread(quiet, ())
n0 = 0
t = threading.Thread(target=time.sleep, args=(0.05,))
t.start()
print(_thread._count() >= 1, threading.active_count())
t.join()
print(t.is_alive(), _thread.stack_size())
