# Many threads incrementing a counter under a Lock; a CPU-bound thread that must give the GIL
# to the main thread (the main thread waits for it to make progress without blocking);
# sys.setswitchinterval.
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.5):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    sys.setswitchinterval('x')
except TypeError as e:
    print('TypeError', e)

counter = 0
lock = threading.Lock()


def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=work, args=(200,)) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)

# The spinning thread never blocks: the main thread only runs because the GIL is handed over.
stop = False
progress = 0


def spin():
    global progress
    while not stop:
        progress += 1


s = threading.Thread(target=spin)
s.start()
while progress < 1000:
    pass
stop = True
s.join()
print('spinner stopped', progress >= 1000, s.is_alive())

# Two CPU-bound threads both finish.
totals = {}


def burn(name):
    x = 0
    for i in range(20000):
        x += i
    totals[name] = x


bs = [threading.Thread(target=burn, args=(n,)) for n in 'ab']
for b in bs:
    b.start()
for b in bs:
    b.join()
print(sorted(totals.items()))
print(threading.active_count(), threading.current_thread().name)
sys.setswitchinterval(0.005)
