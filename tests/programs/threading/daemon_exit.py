# At exit the interpreter waits for non-daemon threads (their output comes after the main
# module ends) but not for daemon threads (a daemon blocked for ever does not hang the exit).
import atexit
import threading
import time

gate = threading.Event()
never = threading.Event()


def late():
    gate.wait()
    time.sleep(0.02)
    print('non-daemon thread finishing')


def stuck():
    never.wait()
    print('never printed')


atexit.register(lambda: print('atexit runs after the non-daemon thread'))
threading.Thread(target=late).start()
d = threading.Thread(target=stuck, daemon=True)
d.start()
print('daemon', d.daemon, threading.active_count())
gate.set()
print('main module done')
