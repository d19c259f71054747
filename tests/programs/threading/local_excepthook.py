# threading.local gives each thread its own attributes; an uncaught exception in a thread goes
# to threading.excepthook ("Exception in thread ..." on stderr); a custom excepthook.
import sys
import threading

local = threading.local()
local.name = 'main'
seen = {}


def worker(i):
    seen[i] = getattr(local, 'name', None)
    local.name = f'worker{i}'
    seen[i] = (seen[i], local.name)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(seen.items()), local.name)


class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
        self.count = 0


ml = MyLocal(7)
ml.count = 5
out = []
t = threading.Thread(target=lambda: out.append((ml.v, ml.count)))
t.start()
t.join()
print(out, ml.v, ml.count)


def boom():
    raise ValueError('bad thing')


# The default hook writes to sys.stderr: captured here, and only the parts that do not name
# files shown.
import io
real_stderr = sys.stderr
sys.stderr = captured = io.StringIO()
t = threading.Thread(target=boom, name='Boomer')
t.start()
t.join()
sys.stderr = real_stderr
lines = captured.getvalue().splitlines()
print(lines[0], lines[1], lines[-1])
frames = [l.rsplit(' in ', 1)[1] for l in lines if l.startswith('  File')]
print(frames[0], frames[-1])
print('after boom', t.is_alive())

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=boom, name='Hooked')
t.start()
t.join()
print(caught)
threading.excepthook = threading.__excepthook__


def quits():
    sys.exit(3)


t = threading.Thread(target=quits)
t.start()
t.join()
print('SystemExit in a thread is silent')
