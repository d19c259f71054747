# The Python part of Taipan's `posix` module: the struct sequences (`stat_result`,
# `terminal_size`, `uname_result`, `times_result`), `DirEntry` and `scandir`'s iterator on
# the native directory reader `_scandir`, and `register_at_fork`. Runs in the module's
# namespace after the native functions are in place.

error = OSError

stat_result = _structseq_make(
    'os', 'stat_result',
    ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
     None, None, None,
     'st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
     'st_blksize', 'st_blocks', 'st_rdev'),
    10,
    repr_names=('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                'st_atime', 'st_mtime', 'st_ctime'),
    fixup=lambda self, d: _stat_fixup(self, d))


def _stat_fixup(self, d):
    # Made from a tuple: the float times default to the int ones.
    for i, f in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
        if d[f] is None:
            d[f] = self[7 + i]


terminal_size = _structseq_make('os', 'terminal_size', ('columns', 'lines'), 2)
uname_result = _structseq_make(
    'posix', 'uname_result', ('sysname', 'nodename', 'release', 'version', 'machine'), 5)
times_result = _structseq_make(
    'posix', 'times_result',
    ('user', 'system', 'children_user', 'children_system', 'elapsed'), 5)

statvfs_result = _structseq_make(
    'os', 'statvfs_result',
    ('f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree',
     'f_favail', 'f_flag', 'f_namemax', 'f_fsid'),
    10)

_DT_UNKNOWN = 0
_DT_DIR = 4
_DT_REG = 8
_DT_LNK = 10
_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


class DirEntry:
    __slots__ = ('_name', '_path', '_d_type', '_ino', '_dir_fd', '_stat', '_lstat')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    @property
    def name(self):
        return self._name

    @property
    def path(self):
        return self._path

    def inode(self):
        return self._ino

    def __fspath__(self):
        return self._path

    def __repr__(self):
        return f'<DirEntry {self._name!r}>'

    def _do_stat(self, follow):
        if self._dir_fd is not None:
            return stat(self._name, dir_fd=self._dir_fd, follow_symlinks=follow)
        if follow:
            return stat(self._path)
        return lstat(self._path)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = self._do_stat(True)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = self._do_stat(False)
        return self._lstat

    def is_symlink(self):
        if self._d_type != _DT_UNKNOWN:
            return self._d_type == _DT_LNK
        try:
            st = self.stat(follow_symlinks=False)
        except FileNotFoundError:
            return False
        return st.st_mode & _S_IFMT == _S_IFLNK

    def _test_mode(self, follow_symlinks, mode_bits):
        if self._d_type == _DT_UNKNOWN or (follow_symlinks and self.is_symlink()):
            try:
                st = self.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:
                return False
            return st.st_mode & _S_IFMT == mode_bits
        if mode_bits == _S_IFDIR:
            return self._d_type == _DT_DIR
        return self._d_type == _DT_REG

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _S_IFDIR)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, _S_IFREG)

    def is_junction(self):
        return False

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


DirEntry.__module__ = 'posix'

_new_entry = object.__new__


class ScandirIterator:
    __slots__ = ('_entries', '_index', '_closed', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.ScandirIterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration
        i = self._index
        if i >= len(self._entries):
            self.close()
            raise StopIteration
        self._index = i + 1
        return self._entries[i]

    def close(self):
        self._closed = True
        self._entries = ()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


ScandirIterator.__module__ = 'posix'


def scandir(path=None):
    top, is_fd, raw = _scandir(path)
    entries = []
    if is_fd:
        for name, d_type, ino in raw:
            e = _new_entry(DirEntry)
            e._name = name
            e._path = name
            e._d_type = d_type
            e._ino = ino
            e._dir_fd = top
            e._stat = None
            e._lstat = None
            entries.append(e)
    else:
        if isinstance(top, bytes):
            prefix = top if top.endswith(b'/') else top + b'/'
        else:
            prefix = top if top.endswith('/') else top + '/'
        for name, d_type, ino in raw:
            e = _new_entry(DirEntry)
            e._name = name
            e._path = prefix + name
            e._d_type = d_type
            e._ino = ino
            e._dir_fd = None
            e._stat = None
            e._lstat = None
            entries.append(e)
    it = _new_entry(ScandirIterator)
    it._entries = entries
    it._index = 0
    it._closed = False
    return it


_fork_hooks = {'before': [], 'parent': [], 'child': []}


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError('At least one argument is required.')
    for name, f in (('before', before), ('after_in_child', after_in_child),
                    ('after_in_parent', after_in_parent)):
        if f is not None and not callable(f):
            raise TypeError(f"'{name}' must be callable, not {type(f).__name__}")
    if before is not None:
        _fork_hooks['before'].append(before)
    if after_in_child is not None:
        _fork_hooks['child'].append(after_in_child)
    if after_in_parent is not None:
        _fork_hooks['parent'].append(after_in_parent)


def _run_fork_hooks(which):
    hooks = _fork_hooks[which]
    if which == 'before':
        hooks = reversed(hooks)
    for f in list(hooks):
        try:
            f()
        except BaseException as e:
            import sys
            sys.unraisablehook(type('', (), {'exc_type': type(e), 'exc_value': e,
                                             'exc_traceback': e.__traceback__,
                                             'err_msg': 'Exception ignored in fork hook',
                                             'object': f})())


scandir.__module__ = 'posix'
register_at_fork.__module__ = 'posix'
