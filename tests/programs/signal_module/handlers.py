# Python-level signal handlers: installing, replacing, running (from the eval loop and
# from interrupted sleeps), handlers that raise, SIG_DFL/SIG_IGN round trips.
import os
import signal
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
print(signal.getsignal(signal.SIGUSR1) is signal.SIG_DFL)

got = []


def h(sig, frame):
    got.append(signal.Signals(sig).name)


old = signal.signal(signal.SIGUSR1, h)
print("old:", old)
print(signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(5):
    pass
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)


def boom(sig, frame):
    raise ValueError("boom %d" % sig)


signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print("caught", e)

# A handler raising out of a sleep stops the sleep.
signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
try:
    time.sleep(5)
except ValueError as e:
    print("sleep interrupted:", e, time.monotonic() - t0 < 4)

# A handler returning normally: the sleep goes on (PEP 475).
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.01)
t0 = time.monotonic()
time.sleep(0.05)
print(got, time.monotonic() - t0 >= 0.05)

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.getsignal(signal.SIGUSR1))

signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print(repr(e), e.args)


def frame_handler(sig, frame):
    print("frame:", frame.f_code.co_name, type(frame).__name__)


signal.signal(signal.SIGUSR1, frame_handler)


def work():
    signal.raise_signal(signal.SIGUSR1)


work()
