# gc.callbacks are called with "start" and "stop" around each collection.
import gc

events = []


def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


gc.collect()
gc.callbacks.append(cb)
l = []
l.append(l)
del l
n = gc.collect()
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
print(n)
for e in events:
    print(e)
print(list(gc.get_stats()[0]))
