# The _signal module's functions: argument checks, constants, masks, timers, errors.
import signal
import _signal

print(_signal.NSIG, _signal.SIG_DFL, _signal.SIG_IGN, _signal.SIGRTMIN, _signal.SIGRTMAX)
print(signal.SIGINT, repr(signal.SIGTERM), signal.SIGCLD == signal.SIGCHLD)
print(sorted(int(s) for s in signal.valid_signals()) == [*range(1, 32), *range(34, 65)])
print([signal.strsignal(i) for i in (1, 2, 9, 15, 32, 34, 64)])
print(signal.Handlers.SIG_DFL, signal.Handlers.SIG_IGN, signal.Sigmasks.SIG_BLOCK)
print(type(signal.default_int_handler).__name__)
print(signal.ItimerError.__mro__)
for bad in [(0, signal.SIG_DFL), (65, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_IGN),
            (signal.SIGSTOP, signal.SIG_DFL), (2, "x"), ("a", 1), (2.0, 1)]:
    try:
        signal.signal(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [0, -1, 65, 1 << 40]:
    for f in (signal.getsignal, signal.strsignal, signal.raise_signal):
        try:
            f(bad)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
for f, args in [(_signal.signal, (1,)), (_signal.getsignal, ()), (_signal.alarm, ()),
                (_signal.valid_signals, (1,)), (_signal.setitimer, (0,)),
                (_signal.default_int_handler, (1,))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)

print(signal.setitimer(signal.ITIMER_REAL, 0))
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 10, 2.5))
v, i = signal.getitimer(signal.ITIMER_REAL)
print(9 < v <= 10, i)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1])
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e.errno, e)
try:
    signal.getitimer(-5)
except OSError as e:
    print(type(e).__name__, e)
print(signal.alarm(0), signal.alarm(100), signal.alarm(0))

print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2]))
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])))
print(signal.pthread_sigmask(signal.SIG_SETMASK, []))
print(signal.sigpending())
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [0])
except ValueError as e:
    print(e)
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [70])
except ValueError as e:
    print(e)

# A blocked signal stays pending until sigwait takes it, without running a handler.
signal.signal(signal.SIGUSR1, lambda s, f: print("handler ran"))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
signal.raise_signal(signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])

print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
print(signal.set_wakeup_fd(-1))
import os
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print(e)
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10))
print(signal.set_wakeup_fd(-1) == w)
try:
    signal.set_wakeup_fd(12345)
except OSError as e:
    print(type(e).__name__, e)
