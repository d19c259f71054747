# Event.wait released by another thread, Condition wait/notify, Semaphore, Barrier.
import threading

# Event: the worker waits until main sets it.
ev = threading.Event()
seen = []


def waiter():
    seen.append(('waiting', ev.is_set()))
    r = ev.wait()
    seen.append(('woken', r))


t = threading.Thread(target=waiter)
t.start()
while not seen:
    pass          # spins: the waiter must get the GIL to run
ev.set()
t.join()
print(seen)
print(threading.Event().wait(0.01))

# Condition: a consumer waits for items a producer appends.
cond = threading.Condition()
items = []
consumed = []


def consume():
    with cond:
        while len(consumed) < 5:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))


c = threading.Thread(target=consume)
c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(consumed)

with cond:
    print(cond.wait_for(lambda: True), cond.wait(0.01))

# Semaphore: at most two workers inside at once.
sem = threading.Semaphore(2)
inside = 0
most = 0
guard = threading.Lock()
go = threading.Event()


def limited():
    global inside, most
    with sem:
        with guard:
            inside += 1
            most = max(most, inside)
        go.wait()
        with guard:
            inside -= 1


ws = [threading.Thread(target=limited) for _ in range(5)]
for w in ws:
    w.start()
go.set()
for w in ws:
    w.join()
print('most inside', most, 'now', inside)

# Barrier: all parties pass together; the action runs once.
log = []
barrier = threading.Barrier(3, action=lambda: log.append('action'))


def party(i):
    idx = barrier.wait()
    with guard:
        log.append(idx)


ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(log[0], sorted(log[1:]), barrier.broken, barrier.n_waiting)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('BrokenBarrierError', b2.broken)
