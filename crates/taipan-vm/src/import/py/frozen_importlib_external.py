"""Taipan's path-based import objects as Python sees them (CPython's
importlib._bootstrap_external): the source-file loader, the path finder and the helpers
`importlib` reads. Searching directories and running source files happen natively in `_imp`.
"""

import _imp
import sys
import _frozen_importlib as _bootstrap

path_sep = '/'
path_separators = '/'
_pathseps_with_colon = {':/'}
SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
MAGIC_NUMBER = (3627).to_bytes(2, 'little') + b'\r\n'
_POPULATE = object()


def _pack_uint32(x):
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')


def _unpack_uint32(data):
    return int.from_bytes(data, 'little')


def _path_join(*path_parts):
    parts = [p.rstrip('/') for p in path_parts if p]
    return '/'.join(parts) if parts else ''


def _path_split(path):
    i = path.rfind('/')
    if i < 0:
        return '', path
    return path[:i], path[i + 1:]


path_sep_tuple = ('/',)
_MS_WINDOWS = False
_PYCACHE = '__pycache__'
_OPT = 'opt-'
_CASE_INSENSITIVE_PLATFORMS_STR_KEY = 'win',
_CASE_INSENSITIVE_PLATFORMS_BYTES_KEY = 'cygwin', 'darwin', 'ios', 'tvos', 'watchos'
_CASE_INSENSITIVE_PLATFORMS = (_CASE_INSENSITIVE_PLATFORMS_BYTES_KEY
                               + _CASE_INSENSITIVE_PLATFORMS_STR_KEY)
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')


def _relax_case():
    """Names are matched case-sensitively on this platform."""
    return False


def _make_relax_case():
    return _relax_case


def _unpack_uint16(data):
    return int.from_bytes(data, 'little')


def _unpack_uint64(data):
    return int.from_bytes(data, 'little')


def _set_bootstrap_module(module):
    global _bootstrap
    _bootstrap = module


def _path_stat(path):
    import posix
    return posix.stat(path)


def _path_is_mode_type(path, mode):
    try:
        st = _path_stat(path)
    except OSError:
        return False
    return (st.st_mode & 0o170000) == mode


def _path_isfile(path):
    return _path_is_mode_type(path, 0o100000)


def _path_isdir(path):
    import posix
    return _path_is_mode_type(path or posix.getcwd(), 0o040000)


def _path_isabs(path):
    return path.startswith('/')


def _path_abspath(path):
    if _path_isabs(path):
        return path
    import posix
    return _path_join(posix.getcwd(), path)


def _calc_mode(path):
    """The permission bits a bytecode file written for the source *path* gets: the source's,
    always writable by its owner (0o666 when the source cannot be read)."""
    try:
        mode = _path_stat(path).st_mode
    except OSError:
        mode = 0o666
    return mode | 0o200


def _write_atomic(path, data, mode=0o666):
    """Writes *data* to *path* through a temporary file renamed over it, so that a reader never
    sees a partial file."""
    import posix
    tmp = f'{path}.{id(path)}'
    fd = posix.open(tmp, posix.O_EXCL | posix.O_CREAT | posix.O_WRONLY, mode & 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[posix.write(fd, view):]
        posix.close(fd)
        fd = -1
        posix.replace(tmp, path)
    except OSError:
        if fd >= 0:
            posix.close(fd)
        try:
            posix.unlink(tmp)
        except OSError:
            pass
        raise


def _check_name(method):
    """Makes a loader method refuse a module name other than the loader's own."""
    def _check_name_wrapper(self, name=None, *args, **kwargs):
        if name is None:
            name = self.name
        elif self.name != name:
            raise ImportError(f'loader for {self.name} cannot handle {name}', name=name)
        return method(self, name, *args, **kwargs)
    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        if hasattr(method, attr):
            setattr(_check_name_wrapper, attr, getattr(method, attr))
    _check_name_wrapper.__dict__.update(method.__dict__)
    return _check_name_wrapper


def _classify_pyc(data, name, exc_details):
    """Checks the magic number and flags of a .pyc header (its first 16 bytes) and returns the
    flags. ImportError for a wrong magic number or unknown flags, EOFError when the header is
    cut short."""
    magic = data[:4]
    if magic != MAGIC_NUMBER:
        _bootstrap._verbose_message('{}', f'bad magic number in {name!r}: {magic!r}')
        raise ImportError(f'bad magic number in {name!r}: {magic!r}', **exc_details)
    if len(data) < 16:
        message = f'reached EOF while reading pyc header of {name!r}'
        _bootstrap._verbose_message('{}', message)
        raise EOFError(message)
    flags = _unpack_uint32(data[4:8])
    if flags & ~0b11:
        message = f'invalid flags {flags!r} in {name!r}'
        raise ImportError(message, **exc_details)
    return flags


def _validate_timestamp_pyc(data, source_mtime, source_size, name, exc_details):
    """Checks that a timestamp-based .pyc was made from a source of this mtime (and size)."""
    if _unpack_uint32(data[8:12]) != (int(source_mtime) & 0xFFFFFFFF):
        raise ImportError(f'bytecode is stale for {name!r}', **exc_details)
    if source_size is not None and _unpack_uint32(data[12:16]) != (source_size & 0xFFFFFFFF):
        raise ImportError(f'bytecode is stale for {name!r}', **exc_details)


def _validate_hash_pyc(data, source_hash, name, exc_details):
    """Checks that a hash-based .pyc records *source_hash*."""
    if data[8:16] != source_hash:
        raise ImportError(f"hash in bytecode doesn't match hash of source {name!r}",
                          **exc_details)


def _compile_bytecode(data, name=None, bytecode_path=None, source_path=None):
    """The code object marshalled in *data* (a .pyc body)."""
    import marshal
    code = marshal.loads(data)
    if isinstance(code, _code_type):
        if source_path is not None:
            _imp._fix_co_filename(code, source_path)
        return code
    raise ImportError(f'Non-code object in {bytecode_path!r}', name=name, path=bytecode_path)


def _code_to_timestamp_pyc(code, mtime=0, source_size=0):
    """A timestamp-based .pyc image of *code*."""
    import marshal
    data = bytearray(MAGIC_NUMBER)
    data.extend(_pack_uint32(0))
    data.extend(_pack_uint32(mtime))
    data.extend(_pack_uint32(source_size))
    data.extend(marshal.dumps(code))
    return data


def _code_to_hash_pyc(code, source_hash, checked=True):
    """A hash-based .pyc image of *code*."""
    import marshal
    assert len(source_hash) == 8
    data = bytearray(MAGIC_NUMBER)
    data.extend(_pack_uint32(0b1 | (bool(checked) << 1)))
    data.extend(source_hash)
    data.extend(marshal.dumps(code))
    return data


_code_type = type(_code_to_hash_pyc.__code__)


def _get_cached(filename):
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    return None


def _get_sourcefile(bytecode_path):
    """The source file beside a .pyc's __pycache__ folder, if it exists (else the path)."""
    if not bytecode_path:
        return None
    rest, _, extension = bytecode_path.rpartition('.')
    if not rest or extension.lower()[-3:-1] != 'py':
        return bytecode_path
    try:
        source_path = source_from_cache(bytecode_path)
    except (NotImplementedError, ValueError):
        source_path = bytecode_path[:-1]
    return source_path if _path_isfile(source_path) else bytecode_path


def cache_from_source(path, debug_override=None, *, optimization=None):
    return _imp._cache_from_source(path)


def source_from_cache(path):
    head, pycache_filename = _path_split(path)
    base_head, pycache = _path_split(head)
    if pycache != '__pycache__':
        raise ValueError(f'__pycache__ not bottom-level directory in {path!r}')
    base = pycache_filename.partition('.')[0]
    return _path_join(base_head, base + SOURCE_SUFFIXES[0])


def decode_source(source_bytes):
    """Source bytes as text: the encoding its coding cookie or BOM names (UTF-8 by default),
    with universal newlines."""
    import _io
    import tokenize
    encoding = tokenize.detect_encoding(_io.BytesIO(source_bytes).readline)[0]
    newlines = _io.IncrementalNewlineDecoder(None, True)
    return newlines.decode(source_bytes.decode(encoding))


class _LoaderBasics:
    """What file-based loaders share: package detection from the file name and running the
    module's code from get_code()."""

    def is_package(self, fullname):
        filename = _path_split(self.get_filename(fullname))[1]
        base = filename.rsplit('.', 1)[0]
        return base == '__init__' and fullname.rpartition('.')[2] != '__init__'

    def create_module(self, spec):
        """Default module creation."""

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when '
                              'get_code() returns None')
        _bootstrap._call_with_frames_removed(exec, code, module.__dict__)

    def load_module(self, fullname):
        """Deprecated: loads *fullname* through the spec machinery."""
        import _warnings
        _warnings.warn('the load_module() method is deprecated and slated for removal in '
                       'Python 3.12; use exec_module() instead', DeprecationWarning)
        spec = _bootstrap.spec_from_loader(fullname, self)
        if fullname in sys.modules:
            module = sys.modules[fullname]
            _bootstrap._init_module_attrs(spec, module, override=True)
            self.exec_module(module)
            return sys.modules[fullname]
        module = _bootstrap.module_from_spec(spec)
        sys.modules[fullname] = module
        try:
            self.exec_module(module)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
        return sys.modules[fullname]


class SourceLoader(_LoaderBasics):
    """A loader that reads source through get_data() and compiles it (bytecode caching through
    path_stats()/set_data() when a subclass provides them and writing is allowed)."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {'mtime': self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Optional: writes *data* to *path*."""

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return _bootstrap._call_with_frames_removed(compile, data, path, 'exec',
                                                    dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        source_path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(source_path), source_path)


class FileLoader:
    """A loader for a module that lives in one file: its name and path, and reading files."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__
                and self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    @_check_name
    def load_module(self, fullname):
        return super(FileLoader, self).load_module(fullname)

    @_check_name
    def get_filename(self, fullname):
        return self.path

    def get_data(self, path):
        return _imp._read_bytes(path)

    @_check_name
    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)


class SourceFileLoader(FileLoader, SourceLoader):
    """Loads a module from a `.py` file (run natively by the import system)."""

    def path_stats(self, path):
        st = _path_stat(path)
        return {'mtime': st.st_mtime, 'size': st.st_size}

    def _cache_bytecode(self, source_path, bytecode_path, data):
        return self.set_data(bytecode_path, data, _mode=_calc_mode(source_path))

    def set_data(self, path, data, *, _mode=0o666):
        parent, filename = _path_split(path)
        missing = []
        while parent and not _path_isdir(parent):
            parent, part = _path_split(parent)
            missing.append(part)
        import posix
        for part in reversed(missing):
            parent = _path_join(parent, part)
            try:
                posix.mkdir(parent)
            except FileExistsError:
                continue
            except OSError:
                return
        try:
            _write_atomic(path, data, _mode)
        except OSError:
            pass

    def exec_module(self, module):
        _imp._exec_source(module, self.path)


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """Loads a module from a `.pyc` file alone."""

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        data = self.get_data(path)
        exc_details = {'name': fullname, 'path': path}
        _classify_pyc(data, fullname, exc_details)
        return _compile_bytecode(memoryview(data)[16:], name=fullname, bytecode_path=path)

    def get_source(self, fullname):
        return None


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """Loads an extension module (Taipan runs no C extension modules)."""

    def create_module(self, spec):
        return _imp.create_dynamic(spec)

    def exec_module(self, module):
        _imp.exec_dynamic(module)

    def is_package(self, fullname):
        filename = _path_split(self.path)[1]
        return any(filename == '__init__' + suffix for suffix in EXTENSION_SUFFIXES)

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None

    @_check_name
    def get_filename(self, fullname):
        return self.path


class AppleFrameworkLoader(ExtensionFileLoader):
    """Loads an extension module from an Apple framework (never on this platform)."""


class WindowsRegistryFinder:
    """Finds modules declared in the Windows registry (never on this platform)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class NamespaceLoader:
    """The loader of a namespace package (a directory without `__init__.py`)."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the module `name` at the file `location`."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            location = loader.get_filename(name)
    if loader is None:
        if location.endswith('.py'):
            loader = SourceFileLoader(name, location)
        else:
            return None
    spec = _bootstrap.ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package') and loader.is_package(name):
            spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = _path_split(location)[0]
            spec.submodule_search_locations.append(dirname)
    return spec


def _get_supported_file_loaders():
    """(loader, suffixes) pairs, as FileFinder takes them."""
    return [(ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]


def _fix_up_module(ns, name, pathname, cpathname=None):
    """Gives the namespace of a module run from a file its __spec__, __loader__, __file__ and
    __cached__."""
    loader = ns.get('__loader__')
    spec = ns.get('__spec__')
    if not loader:
        if spec:
            loader = spec.loader
        elif pathname == cpathname:
            loader = SourcelessFileLoader(name, pathname)
        else:
            loader = SourceFileLoader(name, pathname)
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
        if cpathname:
            spec.cached = _path_abspath(cpathname)
    try:
        ns['__spec__'] = spec
        ns['__loader__'] = loader
        ns['__file__'] = pathname
        ns['__cached__'] = cpathname
    except Exception:
        pass


class PathFinder:
    """Finds modules on sys.path or a package's __path__."""

    @staticmethod
    def invalidate_caches():
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return _imp._path_find_spec(fullname, path)


class FileFinder:
    """Finds modules in one directory."""

    def __init__(self, path, *loader_details):
        self.path = path or '.'

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        return _imp._path_find_spec(fullname, [self.path])

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return f'FileFinder({self.path!r})'
