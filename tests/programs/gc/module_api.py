# The gc module's switches, thresholds, tracking and introspection.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 20, 30)
print(gc.get_threshold())
gc.set_threshold(*old)
print(len(gc.get_count()), type(gc.get_count()))

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(None))
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(tuple([1, "a"])))
print(gc.is_tracked(([],)), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(set()))


def f():
    pass


class C:
    pass


print(gc.is_tracked(f), gc.is_tracked(C), gc.is_tracked(C()), gc.is_tracked(int))

x = [1, 2]
print(gc.get_referents(x, [3]))
print(gc.get_referents(1, "abc"))
holder = [x]
print(any(r is holder for r in gc.get_referrers(x)))
print(any(o is holder for o in gc.get_objects()))
print(gc.get_objects(generation=0).__class__.__name__)

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.get_objects(5)
except ValueError as e:
    print("ValueError:", e)

print(gc.garbage, gc.callbacks)
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.get_debug())
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
