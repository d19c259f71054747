# File descriptors: open/read/write/lseek/close, pipes, dup, fstat, flags, truncation.
import os
import tempfile

base = tempfile.mkdtemp()
path = os.path.join(base, 'f.bin')
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
print(type(fd).__name__, os.write(fd, b'hello world'), os.write(fd, bytearray(b'!')))
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 3))
print(os.fstat(fd).st_size, os.get_inheritable(fd), os.get_blocking(fd), os.isatty(fd))
os.set_inheritable(fd, True)
print(os.get_inheritable(fd))
os.ftruncate(fd, 4)
print(os.fstat(fd).st_size, os.pread(fd, 10, 1))
os.pwrite(fd, b'XY', 1)
os.lseek(fd, 0, 0)
print(os.read(fd, 10))
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2), os.lseek(fd2, 0, os.SEEK_CUR))
os.close(fd2)
os.fsync(fd)
os.close(fd)
for call in (lambda: os.close(fd), lambda: os.read(fd, 1), lambda: os.write(fd, b'x'), lambda: os.fstat(fd),
             lambda: os.lseek(fd, 0, 0)):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, e)
r, w = os.pipe()
print(os.get_inheritable(r), os.write(w, b'through the pipe'))
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
r, w = os.pipe()
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
os.close(r)
os.close(w)
for call in (lambda: os.write(1, 'str'), lambda: os.read('x', 1), lambda: os.open(path, 'r'),
             lambda: os.read(0, 2**70), lambda: os.open(3, 0)):
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    os.open(os.path.join(base, 'missing'), os.O_RDONLY)
except FileNotFoundError as e:
    print(e.errno, os.path.basename(e.filename))
fd = os.open(path, os.O_WRONLY | os.O_APPEND)
os.write(fd, b'++')
os.close(fd)
with open(path, 'rb') as f:
    print(f.read(), os.device_encoding(f.fileno()))
os.remove(path)
os.rmdir(base)
print(sorted(k for k in ('stdout', 'x') if k))
os.write(1, b'raw write\n')
print('after')
