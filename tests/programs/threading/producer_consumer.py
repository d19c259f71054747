# A producer and two consumers talking through queue.Queue: the consumers block in get() until
# the producer (a real thread) puts; join() waits for task_done(); results sorted for order.
import queue
import threading

q = queue.Queue(maxsize=3)
results = []
results_lock = threading.Lock()


def producer(n):
    for i in range(n):
        q.put(i)           # blocks while the queue is full
    for _ in range(2):
        q.put(None)


def consumer(name):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with results_lock:
            results.append((item, item * item))
        q.task_done()


consumers = [threading.Thread(target=consumer, args=(f'c{i}',)) for i in range(2)]
for c in consumers:
    c.start()
p = threading.Thread(target=producer, args=(20,))
p.start()
q.join()
p.join()
for c in consumers:
    c.join()
print(len(results), sorted(results)[:5], sum(v for _, v in results))
print(q.empty(), q.qsize(), [t.is_alive() for t in consumers + [p]])

# A consumer waiting on an empty queue with a timeout gets queue.Empty.
try:
    q.get(timeout=0.01)
except queue.Empty:
    print('Empty')

# LifoQueue and PriorityQueue fed from another thread.
lq = queue.LifoQueue()
pq = queue.PriorityQueue()


def fill():
    for v in (3, 1, 2):
        lq.put(v)
        pq.put((v, str(v)))


t = threading.Thread(target=fill)
t.start()
t.join()
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

# SimpleQueue: a thread blocks in get() until the main thread puts.
sq = queue.SimpleQueue()
got = []
t = threading.Thread(target=lambda: got.append(sq.get()))
t.start()
sq.put('hello')
t.join()
print(got)
