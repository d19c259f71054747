# PEP 475: a signal during select/poll runs its handler and the wait goes on (or stops
# with the handler's exception).
import os
import select
import signal
import time

got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
print(select.select([r], [], [], 0.1))
print(got, time.monotonic() - t0 >= 0.1)


def boom(s, f):
    raise RuntimeError("alarm")


signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.02)
try:
    select.poll().poll(5000)
except RuntimeError as e:
    print("poll:", e)
signal.setitimer(signal.ITIMER_REAL, 0.02)
ep = select.epoll()
ep.register(r, select.EPOLLIN)
try:
    ep.poll(5)
except RuntimeError as e:
    print("epoll:", e)
