# os and os.path on strings: names, separators, joining and splitting, normalisation.
import os
import os.path
import posixpath
import stat

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
print(os.path is posixpath, os.linesep == '\n')
print(os.path.join('a', 'b', 'c.txt'), os.path.join('/x', '/y', 'z'), os.path.join(b'a', b'b'))
print(os.path.split('/usr/lib/python3.14/os.py'), os.path.split('file'), os.path.split('/'))
print(os.path.splitext('archive.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'))
print(os.path.basename('/a/b/'), os.path.basename('/a/b'), os.path.dirname('/a/b/c'))
print(os.path.normpath('a//b/./c/../d/'), os.path.normpath('/../x'), os.path.normpath(''))
print(os.path.isabs('/a'), os.path.isabs('a'), os.path.isabs(b'/a'))
print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'))
print(os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonprefix(['abc', 'abd']))
print(os.path.splitdrive('/a/b'), os.path.splitroot('//x/y'))
print(os.path.expanduser('~nonexistentuser123/x'))
print(os.fspath('str'), os.fspath(b'bytes'))


class P:
    def __fspath__(self):
        return 'from-fspath'


print(os.fspath(P()), os.path.join(P(), 'x'))
for bad in (1, None, [1]):
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError:', e)


class Bad:
    def __fspath__(self):
        return 3


try:
    os.fspath(Bad())
except TypeError as e:
    print('TypeError:', e)
print(os.fsencode('caf\xe9'), os.fsdecode(b'caf\xc3\xa9'), ascii(os.fsdecode(b'\xff')))
print(ascii(os.fsencode('\udcff')), os.fsencode(b'x'))
print(stat.S_ISDIR(0o40755), stat.S_ISREG(0o100644), stat.filemode(0o100644), stat.filemode(0o40755))
print(os.strerror(2), '|', os.strerror(13), '|', os.strerror(17))
print(sorted(os.supports_fd, key=lambda f: f.__name__)[:3] != [], os.stat in os.supports_dir_fd)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT != 0, os.O_EXCL != 0)
print(os.get_exec_path(env={'PATH': '/bin:/usr/bin'}))
