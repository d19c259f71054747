# Each thread has its own current context: a value set in the main thread is not seen by a
# started thread (threading runs it in a fresh Context unless told to inherit), and what the
# thread sets stays in its own context; Context.run in a thread.
import contextvars
import threading

var = contextvars.ContextVar('var', default='default')
var.set('main')
seen = []


def worker(tag):
    seen.append((tag, 'before', var.get()))
    var.set(tag)
    seen.append((tag, 'after', var.get()))


for tag in ('t1', 't2'):
    t = threading.Thread(target=worker, args=(tag,))
    t.start()
    t.join()
print(seen, var.get())

ctx = contextvars.copy_context()
out = []
t = threading.Thread(target=lambda: out.append(ctx.run(var.get)))
t.start()
t.join()
print(out)

t = threading.Thread(target=worker, args=('inherit',), context=contextvars.copy_context())
t.start()
t.join()
print(seen[-2:], var.get())
