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
    return source_bytes.decode('utf-8')


class SourceFileLoader:
    """Loads a module from a `.py` file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__
                and self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _imp._exec_source(module, self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        return _imp._read_bytes(path)

    def get_source(self, fullname):
        return decode_source(self.get_data(self.path))

    def is_package(self, fullname):
        filename = _path_split(self.path)[1]
        return filename.rpartition('.')[0] == '__init__'


class _UnusedLoader:
    """A loader kind Taipan never uses (no bytecode-only or extension modules)."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def create_module(self, spec):
        raise ImportError(f'cannot load {self.path!r}', name=self.name)


class SourcelessFileLoader(_UnusedLoader):
    """Loads a module from a `.pyc` file (not supported by Taipan)."""


class ExtensionFileLoader(_UnusedLoader):
    """Loads an extension module (not supported by Taipan)."""


class AppleFrameworkLoader(ExtensionFileLoader):
    """Loads an extension module from an Apple framework (not supported)."""


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
