# split()/subgroup() of a very deep exception group, on a thread with a 4 MiB stack, raise
# RecursionError instead of overflowing the native stack; a shallow one still splits
import threading

out = []


def run():
    e = TypeError(1)
    for i in range(100000):
        e = ExceptionGroup('eg', [e])
    for m in ('split', 'subgroup'):
        try:
            getattr(e, m)(TypeError)
            out.append((m, 'ok'))
        except RecursionError:
            out.append((m, 'RecursionError'))


threading.stack_size(4 << 20)
t = threading.Thread(target=run)
t.start()
t.join()
print(out)
e = ExceptionGroup('outer', [ExceptionGroup('inner', [TypeError(1), ValueError(2)]), KeyError(3)])
match, rest = e.split(TypeError)
print(repr(match), repr(rest))
print(repr(e.subgroup(lambda x: isinstance(x, KeyError))))
