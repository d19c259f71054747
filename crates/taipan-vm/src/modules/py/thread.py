# The Python part of Taipan's `_thread` module: thread handles, starting threads (natively, with
# `_spawn`: a real OS thread that takes the GIL), waiting for non-daemon threads at exit,
# thread-local objects and the default thread excepthook.

_non_daemon = []


class _ThreadHandle:
    __slots__ = ('_ident', '_started', '_done', '_lock')

    def __init__(self):
        self._ident = None
        self._started = False
        self._done = False
        self._lock = None

    @property
    def ident(self):
        return self._ident

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('thread not started')
        if self._done:
            return
        if self._ident == get_ident():
            raise RuntimeError('Cannot join current thread')
        lock = self._lock
        if lock is None:
            return
        if timeout is None:
            got = lock.acquire()
        else:
            got = lock.acquire(True, max(timeout, 0))
        if got:
            lock.release()
            self._done = True

    def is_done(self):
        if not self._done:
            lock = self._lock
            if lock is not None and not lock.locked():
                self._done = True
        return self._done

    def _set_done(self):
        self._done = True

    def __repr__(self):
        return f'<_thread._ThreadHandle object: ident={self._ident}>'


_ThreadHandle.__module__ = '_thread'


def _make_thread_handle(ident):
    h = _ThreadHandle()
    h._ident = ident
    h._started = True
    return h


def start_joinable_thread(function, handle=None, daemon=True):
    if handle is None:
        handle = _ThreadHandle()
    elif handle._started:
        raise RuntimeError('thread already started')
    if not callable(function):
        raise TypeError('thread function must be callable')
    lock = allocate_lock()
    lock.acquire()
    handle._lock = lock
    handle._ident = _spawn(function, (), None, lock)
    handle._started = True
    if not daemon:
        _non_daemon[:] = [h for h in _non_daemon if not h.is_done()]
        _non_daemon.append(handle)
    return handle


def start_new_thread(function, args, kwargs=None, /):
    if not callable(function):
        raise TypeError('first arg must be callable')
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')
    return _spawn(function, args, kwargs, None)


start_new = start_new_thread


def _shutdown():
    me = get_ident()
    while True:
        waiting = [h for h in _non_daemon if not h.is_done() and h._ident != me]
        if not waiting:
            break
        for h in waiting:
            h.join()
    _non_daemon.clear()


def interrupt_main(signum=2, /):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit


def _local_patch(self):
    impl = _object_getattribute(self, '_local__impl')
    me = _serial()
    if impl[3] != me:
        dicts = impl[0]
        dicts[impl[3]] = _object_getattribute(self, '__dict__')
        d = dicts.get(me)
        new = d is None
        if new:
            d = {}
        _object_setattr(self, '__dict__', d)
        impl[3] = me
        cls = type(self)
        if new and cls.__init__ is not object.__init__:
            cls.__init__(self, *impl[1], **impl[2])


_object_getattribute = object.__getattribute__
_object_setattr = object.__setattr__
_object_delattr = object.__delattr__


class _local:
    __slots__ = ('_local__impl', '__dict__', '__weakref__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError('Initialization arguments are not supported')
        self = object.__new__(cls)
        _object_setattr(self, '_local__impl', [{}, args, kw, _serial()])
        return self

    def __getattribute__(self, name):
        _local_patch(self)
        return _object_getattribute(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        _local_patch(self)
        return _object_setattr(self, name, value)

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        _local_patch(self)
        return _object_delattr(self, name)


_local.__module__ = '_thread'

def _excepthook_args_type():
    # A struct sequence (exc_type, exc_value, exc_traceback, thread), as CPython's.
    class _ExceptHookArgs(tuple):
        __slots__ = ()
        n_fields = n_sequence_fields = 4
        n_unnamed_fields = 0
        __match_args__ = ('exc_type', 'exc_value', 'exc_traceback', 'thread')

        def __new__(cls, sequence, /):
            seq = tuple(sequence)
            if len(seq) != 4:
                raise TypeError(
                    f'_thread._ExceptHookArgs() takes a 4-sequence ({len(seq)}-sequence given)')
            return tuple.__new__(cls, seq)

        exc_type = property(lambda self: self[0])
        exc_value = property(lambda self: self[1])
        exc_traceback = property(lambda self: self[2])
        thread = property(lambda self: self[3])

        def __repr__(self):
            parts = ', '.join(f'{n}={v!r}' for n, v in zip(self.__match_args__, self))
            return f'_thread._ExceptHookArgs({parts})'

    _ExceptHookArgs.__module__ = '_thread'
    return _ExceptHookArgs


_ExceptHookArgs = _excepthook_args_type()
del _excepthook_args_type


def _excepthook(args, /):
    if type(args) is not _ExceptHookArgs:
        raise TypeError('_thread._excepthook argument type must be ExceptHookArgs')
    exc_type, exc_value, exc_tb, thread = args
    if exc_type is SystemExit:
        return
    import sys
    file = None
    if thread is not None:
        file = getattr(thread, '_stderr', None)
    if file is None:
        file = sys.stderr
    if file is None:
        return
    name = thread.name if thread is not None else get_ident()
    print(f'Exception in thread {name}:', file=file, flush=True)
    import traceback
    traceback.print_exception(exc_type, exc_value, exc_tb, file=file)
    file.flush()


for _f in (_make_thread_handle, start_joinable_thread, start_new_thread, _shutdown,
           interrupt_main, exit, _excepthook):
    _f.__module__ = '_thread'
del _f
