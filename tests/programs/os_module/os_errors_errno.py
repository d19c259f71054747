# errno and the OSError subclasses: errno → subclass, attributes, str; argument errors of
# posix functions.
import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.errorcode[2], errno.errorcode[errno.EAGAIN])
print(errno.errorcode[errno.EWOULDBLOCK], errno.EWOULDBLOCK == errno.EAGAIN, len(errno.errorcode) > 100)
print(sorted(n for n in dir(errno) if n.startswith('E'))[:5])
for code in (errno.EPERM, errno.ENOENT, errno.ESRCH, errno.EINTR, errno.ECHILD, errno.EAGAIN,
             errno.EEXIST, errno.ENOTDIR, errno.EISDIR, errno.EPIPE, errno.ETIMEDOUT, errno.EINVAL):
    e = OSError(code, os.strerror(code))
    print(code, type(e).__name__, e.errno, e.strerror, e)
e = OSError(errno.ENOENT, 'No such file or directory', 'a.txt')
print(repr(e), e.filename, e.filename2, e)
e = OSError(errno.EXDEV, os.strerror(errno.EXDEV), 'src', None, 'dst')
print(type(e).__name__, e, e.args)
print(os.error is OSError, IOError is OSError)
for call in (lambda: os.stat([1]), lambda: os.mkdir(3.5), lambda: os.listdir([1]),
             lambda: os.stat('a\0b'), lambda: os.mkdir(4), lambda: os.lstat(3),
             lambda: os.stat(2 ** 70), lambda: os.chmod('x'),
             lambda: os.stat(), lambda: os.stat('x', bad=1), lambda: os.stat('x', dir_fd='y')):
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    os.stat('nope')
except FileNotFoundError as e:
    print(repr(e), e.args)
try:
    os.rename('nope', 'nope2')
except FileNotFoundError as e:
    print(e, e.filename, e.filename2)
try:
    os.stat(b'nope')
except FileNotFoundError as e:
    print(e)
