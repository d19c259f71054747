# isinstance/issubclass with a pathologically nested tuple, on a thread with a 4 MiB stack,
# raise RecursionError instead of overflowing the native stack; moderate nesting still works
import threading

out = []


def run():
    for fxn, arg, cls in ((isinstance, '', str), (issubclass, str, str)):
        t = (cls,)
        for _ in range(200000):
            t = (t,)
        try:
            fxn(arg, t)
            out.append('no error')
        except RecursionError:
            out.append('RecursionError')


threading.stack_size(4 << 20)
th = threading.Thread(target=run)
th.start()
th.join()
print(out)
t = (int,)
for _ in range(50):
    t = (t,)
print(isinstance(1, t), issubclass(bool, (str, t)), isinstance('x', (float, (bytes, t))))
