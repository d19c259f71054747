# An uncaught exception prints its traceback, then the atexit callbacks run; the status stays 1.
# expect-stderr
import atexit


def cleanup(name):
    print('cleanup', name)


atexit.register(cleanup, 'a')
atexit.register(cleanup, 'b')
print('raising')
raise KeyError('main failed')
