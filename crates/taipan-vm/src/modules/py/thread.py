# The Python part of Taipan's `_thread` module: thread handles and thread starting. An
# interpreter runs on one OS thread (objects stay on the thread that made them), so a started
# thread runs to completion at once, inside `start_joinable_thread`, under an identity of its own
# (`get_ident`), and is done when the call returns; joining it never waits.

_native_get_ident = get_ident
_running = []
_next_ident = [_native_get_ident() + 1]


def get_ident():
    if _running:
        return _running[-1]
    return _native_get_ident()


def get_native_id():
    return get_ident()


class _ThreadHandle:
    __slots__ = ('_ident', '_started', '_done')

    def __init__(self):
        self._ident = None
        self._started = False
        self._done = False

    @property
    def ident(self):
        return self._ident

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('thread not started')
        if self._ident is not None and self._ident == get_ident() and not self._done:
            raise RuntimeError('Cannot join current thread')

    def is_done(self):
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


def _run(function, args, kwargs, ident):
    _running.append(ident)
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as exc:
        import sys
        hook = getattr(sys, 'unraisablehook', None)
        print(f'Exception ignored in thread started by {function!r}:', file=sys.stderr)
        import traceback
        traceback.print_exception(exc, file=sys.stderr)
    finally:
        _running.pop()


def _new_ident():
    ident = _next_ident[0]
    _next_ident[0] = ident + 1
    return ident


def start_joinable_thread(function, handle=None, daemon=True):
    if handle is None:
        handle = _ThreadHandle()
    elif handle._started:
        raise RuntimeError('thread already started')
    if not callable(function):
        raise TypeError('thread function must be callable')
    ident = _new_ident()
    handle._ident = ident
    handle._started = True
    try:
        _run(function, (), {}, ident)
    finally:
        handle._done = True
    return handle


def start_new_thread(function, args, kwargs=None, /):
    if not callable(function):
        raise TypeError('first arg must be callable')
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')
    ident = _new_ident()
    _run(function, args, kwargs or {}, ident)
    return ident


start_new = start_new_thread


def _shutdown():
    pass


def stack_size(size=0, /):
    if size != 0 and size < 32768:
        raise ValueError('size not valid: %d bytes' % size)
    return 0


def interrupt_main(signum=2, /):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


exit_thread = exit

def _local_patch(self):
    impl = _object_getattribute(self, '_local__impl')
    ident = get_ident()
    if impl[3] != ident:
        dicts = impl[0]
        dicts[impl[3]] = _object_getattribute(self, '__dict__')
        d = dicts.get(ident)
        new = d is None
        if new:
            d = {}
        _object_setattr(self, '__dict__', d)
        impl[3] = ident
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
        _object_setattr(self, '_local__impl', [{}, args, kw, get_ident()])
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


for _f in (get_ident, get_native_id, _make_thread_handle, start_joinable_thread,
           start_new_thread, _shutdown, stack_size, interrupt_main, exit, _excepthook):
    _f.__module__ = '_thread'
del _f
