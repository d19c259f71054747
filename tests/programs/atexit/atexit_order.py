# atexit: callbacks run last-first at exit, with their arguments; unregister removes every
# registration of a function; a failing callback is reported and the others still run.
# expect-stderr
import atexit
import sys


def show(*args, **kwargs):
    print('show', args, kwargs)


class Failing:
    def __repr__(self):
        return 'Failing()'

    def __call__(self):
        raise ValueError('boom in callback')


class Exiting:
    def __repr__(self):
        return 'Exiting()'

    def __call__(self):
        sys.exit(7)


def gone():
    print('never printed')


atexit.register(show, 1, x=2)
atexit.register(Failing())
atexit.register(gone)
atexit.register(show, 'second')
atexit.register(gone)
atexit.register(Exiting())
print(atexit.register(show, 'third') is show, atexit._ncallbacks())
atexit.unregister(gone)
print(atexit._ncallbacks())
try:
    atexit.register(3)
except TypeError as e:
    print(e)
decorated = atexit.register(lambda: print('lambda runs first'))
print('end of main')
