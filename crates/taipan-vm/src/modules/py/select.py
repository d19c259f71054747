# The Python part of Taipan's `select` module: argument handling for `select()` and the
# `poll` and `epoll` objects, on the native system-call wrappers `_select`, `_poll`,
# `_epoll_create`, `_epoll_ctl`, `_epoll_wait` and `_timeout_ns`. `select()` and `poll()`
# themselves are native shims over `_py_select` and `_Poll`, so that, like CPython's, they do
# not bind as methods when stored on a class (`selectors` does that). Runs in the module's
# namespace after the native functions and constants are in place.

error = OSError


def _fileno(obj):
    # PyObject_AsFileDescriptor: an int, or the int its fileno() returns.
    if isinstance(obj, int):
        fd = int(obj)
    else:
        try:
            meth = type(obj).fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = meth(obj)
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
        fd = int(fd)
    if fd < 0:
        raise ValueError('file descriptor cannot be a negative integer (%d)' % fd)
    if fd > 0x7fffffff:
        raise OverflowError('Python int too large to convert to C int')
    return fd


def _py_select(*args):
    if len(args) < 3:
        raise TypeError('select expected at least 3 arguments, got %d' % len(args))
    if len(args) > 4:
        raise TypeError('select expected at most 4 arguments, got %d' % len(args))
    rlist, wlist, xlist = args[:3]
    timeout = args[3] if len(args) == 4 else None
    if timeout is None:
        ns = None
    else:
        ns = _timeout_ns(timeout, 1000000000)
        if ns is None:
            raise TypeError('timeout must be a float or None')
        if ns < 0:
            raise ValueError('timeout must be non-negative')
    lists = []
    for seq in (rlist, wlist, xlist):
        objs = list(seq)
        lists.append((objs, [_fileno(o) for o in objs]))
    ready = _select(lists[0][1], lists[1][1], lists[2][1], ns)
    return tuple([objs[i] for i in idx] for (objs, _), idx in zip(lists, ready))


def _ms_timeout(timeout, scale, message):
    if timeout is None:
        return -1
    ms = _timeout_ns(timeout, scale)
    if ms is None:
        raise TypeError(message)
    return -1 if ms < 0 else ms


class _Poll:
    __slots__ = ('_fds', '_polling')

    def __init__(self):
        self._fds = {}
        self._polling = False

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        fd = _fileno(fd)
        if not 0 <= eventmask <= 0xffff:
            raise OverflowError('Python int too large to convert to C unsigned short')
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, 'No such file or directory')
        if not 0 <= eventmask <= 0xffff:
            raise OverflowError('Python int too large to convert to C unsigned short')
        self._fds[fd] = eventmask

    def unregister(self, fd, /):
        fd = _fileno(fd)
        if fd not in self._fds:
            raise KeyError(fd)
        del self._fds[fd]

    def poll(self, timeout=None, /):
        ms = _ms_timeout(timeout, 1, 'timeout must be an integer or None')
        if self._polling:
            raise RuntimeError('concurrent poll() invocation')
        self._polling = True
        try:
            return _poll(list(self._fds.items()), ms)
        finally:
            self._polling = False


_Poll.__name__ = _Poll.__qualname__ = 'poll'
_Poll.__module__ = 'select'


class epoll:
    """select.epoll(sizehint=-1, flags=0)

Returns an epolling object

  sizehint
    The expected number of events to be registered.  It must be positive,
    or -1 to use the default.  It is only used on older systems where
    epoll_create() requires a positive size.
  flags
    Deprecated and completely ignored.  However, when supplied, its value
    must be 0 or select.EPOLL_CLOEXEC, otherwise OSError is raised."""

    __slots__ = ('_epfd',)

    def __new__(cls, sizehint=-1, flags=0):
        if sizehint == 0 or sizehint < -1:
            raise ValueError('negative sizehint')
        if flags and flags != EPOLL_CLOEXEC:
            raise OSError(22, 'Invalid argument')
        self = object.__new__(cls)
        self._epfd = _epoll_create()
        return self

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def fromfd(cls, fd, /):
        self = object.__new__(cls)
        self._epfd = fd
        return self

    def _check(self):
        if self._epfd < 0:
            raise ValueError('I/O operation on closed epoll object')

    @property
    def closed(self):
        """True if the epoll handler is closed"""
        return self._epfd < 0

    def close(self):
        fd, self._epfd = self._epfd, -1
        if fd >= 0:
            import posix
            posix.close(fd)

    def fileno(self):
        self._check()
        return self._epfd

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check()
        _epoll_ctl(self._epfd, 1, _fileno(fd), eventmask)

    def modify(self, fd, eventmask):
        self._check()
        _epoll_ctl(self._epfd, 3, _fileno(fd), eventmask)

    def unregister(self, fd):
        self._check()
        _epoll_ctl(self._epfd, 2, _fileno(fd), 0)

    def poll(self, timeout=None, maxevents=-1):
        self._check()
        ms = _ms_timeout(timeout, 1000, 'timeout must be an integer or None')
        if maxevents == -1:
            maxevents = 1023
        elif maxevents < 1:
            raise ValueError('maxevents must be greater than 0, got %d' % maxevents)
        return _epoll_wait(self._epfd, ms, maxevents)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        self.close()


epoll.__module__ = 'select'
