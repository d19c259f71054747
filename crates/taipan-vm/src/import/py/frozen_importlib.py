"""Taipan's import machinery as Python sees it (CPython's importlib._bootstrap).

The search for modules and their loading run natively (the VM's `import` module, reached
through `_imp`); this module holds the objects Python code inspects: module specs and the
built-in and frozen importers that sit on sys.meta_path.
"""

import _imp
import sys

_ERR_MSG_PREFIX = 'No module named '


class ModuleSpec:
    """The import-related state of a module: its name, loader and origin."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            parts.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            parts.append(
                f'submodule_search_locations={self.submodule_search_locations}')
        return f'{type(self).__name__}({", ".join(parts)})'

    def __eq__(self, other):
        try:
            return (self.name == other.name
                    and self.loader == other.loader
                    and self.origin == other.origin
                    and self.submodule_search_locations
                    == other.submodule_search_locations
                    and self.cached == other.cached
                    and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if (self._cached is None and self.origin is not None
                and self._set_fileattr):
            self._cached = _imp._cache_from_source(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for `name` loaded by `loader`."""
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


class BuiltinImporter:
    """Finds and loads the modules built into the interpreter."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or not _imp.is_builtin(fullname):
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN)

    @staticmethod
    def create_module(spec):
        if not _imp.is_builtin(spec.name):
            raise ImportError(f'{spec.name!r} is not a built-in module',
                              name=spec.name)
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        _imp.exec_builtin(module)

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False


class FrozenImporter:
    """Taipan freezes no modules: this finder never finds one."""

    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        raise ImportError(f'{module.__name__!r} is not a frozen module',
                          name=module.__name__)

    @classmethod
    def is_package(cls, fullname):
        return False


def module_from_spec(spec):
    """A new module made from `spec` (not executed)."""
    return _imp._module_from_spec(spec)


def _init_module_attrs(spec, module, *, override=False):
    _imp._init_module_attrs(spec, module, override)
    return module


def _find_spec(name, path, target=None):
    return _imp._find_spec(name, path)


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def _gcd_import(name, package=None, level=0):
    return _imp._gcd_import(name, package, level)


def _load(spec):
    return _imp._load(spec)


def _exec(spec, module):
    """Runs `spec`'s module code again in the existing `module` (reload)."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name!r} not in sys.modules', name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
            _init_module_attrs(spec, module, override=True)
        else:
            _init_module_attrs(spec, module, override=True)
            if not hasattr(spec.loader, 'exec_module'):
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def _call_with_frames_removed(f, *args, **kwds):
    return f(*args, **kwds)


def _verbose_message(message, *args, verbosity=1):
    pass


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """Import a module (what the import statement calls)."""
    return _imp._import(name, globals, locals, fromlist, level)
