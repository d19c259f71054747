# The Python part of Taipan's `faulthandler`: the enable flag and its file, tracebacks of the
# Python frames written straight to a file descriptor (`dump_traceback`), the watchdog thread
# of `dump_traceback_later` and the user signals of `register`. Taipan turns faults into
# Python exceptions rather than crashing, so `enable()` has no fatal handler to install.
# Runs in a private namespace; the module receives CPython's names.

import sys as _sys
import os as _os

_state = {'enabled': False, 'fd': None, 'all_threads': True, 'file': None}
_later = {'cancel': None}
_registered = {}
_NSIG = 65
_FATAL = (4, 6, 7, 8, 11)   # SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGSEGV


def _fd_of(file):
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError('sys.stderr is None')
    if isinstance(file, int):
        if file < 0:
            raise ValueError('file is not a valid file descriptor')
        return file, None
    fd = file.fileno()
    if not isinstance(fd, int):
        raise RuntimeError('file.fileno() is not a valid file descriptor')
    if fd < 0:
        raise ValueError('file is not a valid file descriptor')
    try:
        file.flush()
    except Exception:
        pass
    return fd, file


def _frame_lines(frame):
    out = []
    depth = 0
    while frame is not None:
        if depth >= 100:
            out.append('  ...\n')
            break
        code = frame.f_code
        out.append('  File "%s", line %s in %s\n'
                   % (code.co_filename, frame.f_lineno if frame.f_lineno is not None else '???',
                      code.co_name))
        frame = frame.f_back
        depth += 1
    return out


def _dump(fd, all_threads, frame):
    import _thread
    if all_threads:
        ident = _thread.get_ident()
        head = 'Current thread 0x%016x (most recent call first):\n' % ident
    else:
        head = 'Stack (most recent call first):\n'
    text = head + ''.join(_frame_lines(frame))
    _os.write(fd, text.encode('utf-8', 'backslashreplace'))


def enable(file=None, all_threads=True, c_stack=True):
    """Enable the fault handler."""
    fd, f = _fd_of(file)
    _state.update(enabled=True, fd=fd, all_threads=bool(all_threads), file=f)


def disable():
    """Disable the fault handler."""
    was = _state['enabled']
    _state.update(enabled=False, fd=None, file=None)
    return was


def is_enabled():
    """Check if the handler is enabled."""
    return _state['enabled']


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads if all_threads is True, into file."""
    fd, _ = _fd_of(file)
    _dump(fd, all_threads, _sys._getframe(1))


def dump_c_stack(file=None):
    """Dump the C stack of the current thread."""
    fd, _ = _fd_of(file)
    _os.write(fd, b"Current thread's C stack trace (most recent call first):\n"
                  b"  <cannot get C stack on this system>\n")


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback of all threads in timeout seconds,
or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."""
    timeout = float(timeout)
    if timeout <= 0:
        raise ValueError('timeout must be greater than 0')
    if timeout * 1e6 >= 2**63:
        raise OverflowError('timeout value is too large')
    fd, _ = _fd_of(file)
    cancel_dump_traceback_later()
    import _thread
    import time
    lock = _thread.allocate_lock()
    lock.acquire()
    _later['cancel'] = lock

    def watchdog():
        while True:
            if lock.acquire(True, timeout):
                return
            text = 'Timeout (%d:%02d:%02d)!\n' % (timeout // 3600, timeout // 60 % 60,
                                                  timeout % 60)
            _os.write(fd, text.encode())
            _os.write(fd, b'Thread (most recent call first):\n  <no Python frame>\n')
            if exit:
                _os._exit(1)
            if not repeat:
                return

    _thread.start_new_thread(watchdog, ())


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    lock = _later['cancel']
    _later['cancel'] = None
    if lock is not None:
        try:
            lock.release()
        except RuntimeError:
            pass


def register(signum, file=None, all_threads=True, chain=False):
    """Register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file."""
    if not isinstance(signum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(signum).__name__)
    if signum < 1 or signum >= _NSIG:
        raise ValueError('signal number out of range')
    if signum in _FATAL:
        raise RuntimeError('signal %d cannot be registered, use enable() instead' % signum)
    fd, _ = _fd_of(file)
    import signal
    previous = _registered[signum][1] if signum in _registered else signal.getsignal(signum)

    def handler(sig, frame):
        _dump(fd, all_threads, frame)
        if chain and callable(previous):
            previous(sig, frame)

    signal.signal(signum, handler)
    _registered[signum] = (handler, previous)


def unregister(signum):
    """Unregister the handler of the signal 'signum' registered by register()."""
    if signum < 1 or signum >= _NSIG:
        raise ValueError('signal number out of range')
    entry = _registered.pop(signum, None)
    if entry is None:
        return False
    import signal
    prev = entry[1]
    signal.signal(signum, prev if prev is not None else signal.SIG_DFL)
    return True
