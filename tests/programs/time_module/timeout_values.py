# Timeouts given as floats go through one conversion: NaN is a ValueError, values whose
# nanoseconds overflow 64 bits (infinities too) an OverflowError, checked before the sign.
import select
import signal
import socket
import threading
import time

nan = float('nan')
inf = float('inf')


def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


for v in (nan, inf, -inf, 1e300, -1e300, -1.0):
    t(f'sleep {v}', lambda: time.sleep(v))
    t(f'select {v}', lambda: select.select([], [], [], v))
    s = socket.socket()
    t(f'settimeout {v}', lambda: s.settimeout(v))
    s.close()
    t(f'setitimer {v}', lambda: signal.setitimer(signal.ITIMER_REAL, v) if v != inf else 'skip')
    if v == v and v >= 0:
        t(f'poll {v}', lambda: select.poll().poll(v))
    t(f'lock {v}', lambda: threading.Lock().acquire(timeout=v))
    t(f'rlock {v}', lambda: threading.RLock().acquire(timeout=v))
print(signal.setitimer(signal.ITIMER_REAL, 0))
