# An uncaught KeyboardInterrupt from SIGINT: CPython's traceback, then death by SIGINT (130).
import signal
import atexit

atexit.register(print, "atexit ran")


def f():
    signal.raise_signal(signal.SIGINT)


print("before", flush=True)
try:
    f()
finally:
    print("finally ran")
