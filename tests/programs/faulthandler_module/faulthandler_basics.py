# faulthandler: the enable flag, stack dumps of the current thread to a file, signal
# registration and the argument errors.
import faulthandler
import os
import signal
import sys
import tempfile

print(sorted(n for n in dir(faulthandler) if not n.startswith('_')))
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled())

with tempfile.TemporaryFile() as f:
    def inner():
        faulthandler.dump_traceback(f, all_threads=False)

    def outer():
        inner()

    outer()
    f.seek(0)
    text = f.read().decode()
    print(text.replace(__file__, 'FILE'))

with tempfile.TemporaryFile() as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0)
    print(f.read().decode().splitlines()[0])

for call in [lambda: faulthandler.enable(file=5.5),
             lambda: faulthandler.dump_traceback_later(-1),
             lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.register(999), lambda: faulthandler.register(0),
             lambda: faulthandler.register(signal.SIGSEGV)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
faulthandler.dump_traceback_later(30)
faulthandler.cancel_dump_traceback_later()
faulthandler.cancel_dump_traceback_later()
print('done')
