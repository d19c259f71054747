# importlib's loader classes: abc.SourceLoader subclasses, FileLoader name checks, pyc header
# checks, source_hash, decode_source, loading a module from memory.
import importlib.abc
import importlib.machinery
import importlib.util
import importlib._bootstrap_external as ext
import sys


class MemoryLoader(importlib.abc.SourceLoader):
    sources = {
        "memmod": b"VALUE = 6 * 7\ndef hello():\n    return 'hi from ' + __name__\n",
        "mempkg": b"'''a package'''\nNAME = 'pkg'\n",
    }

    def get_filename(self, fullname):
        return f"<memory>/{fullname}/__init__.py" if fullname == "mempkg" else f"<memory>/{fullname}.py"

    def get_data(self, path):
        name = path.split("/")[1].removesuffix(".py")
        return self.sources[name]


class MemoryFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname in MemoryLoader.sources:
            loader = MemoryLoader()
            return importlib.util.spec_from_loader(
                fullname, loader, origin=loader.get_filename(fullname),
                is_package=loader.is_package(fullname))
        return None


sys.meta_path.insert(0, MemoryFinder())
import memmod
import mempkg
print(memmod.VALUE, memmod.hello(), memmod.__file__ if hasattr(memmod, "__file__") else None)
print(memmod.__spec__.origin, memmod.__loader__.__class__.__name__)
print(mempkg.NAME, mempkg.__doc__, mempkg.__spec__.submodule_search_locations)
print(MemoryLoader().get_source("memmod").splitlines()[0])
print(MemoryLoader().is_package("memmod"), MemoryLoader().is_package("mempkg"))
code = MemoryLoader().get_code("memmod")
print(type(code).__name__, code.co_filename)
sys.meta_path.pop(0)

print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.FileLoader))
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.SourceLoader))
print(isinstance(importlib.machinery.SourceFileLoader("x", "/tmp/x.py"), importlib.abc.Loader))
loader = importlib.machinery.SourceFileLoader("pkg", "/tmp/pkg/__init__.py")
print(loader.get_filename(), loader.get_filename("pkg"), loader.is_package("pkg"))
try:
    loader.get_filename("other")
except ImportError as e:
    print("ImportError:", e, e.name)
print(loader == importlib.machinery.SourceFileLoader("pkg", "/tmp/pkg/__init__.py"))

print(importlib.util.source_hash(b"abc"), importlib.util.source_hash(b""))
print(importlib.util.MAGIC_NUMBER)
print(repr(importlib.util.decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\r\ny = 1\r\n")))
print(repr(importlib.util.decode_source(b"\xef\xbb\xbfa = 1\rb = 2\n")))

header = importlib.util.MAGIC_NUMBER + b"\0\0\0\0" + b"\1\0\0\0" + b"\2\0\0\0"
print(ext._classify_pyc(header, "m", {}))
for bad in (b"XXXX" + header[4:], header[:10], importlib.util.MAGIC_NUMBER + b"\x08\0\0\0" + bytes(8)):
    try:
        ext._classify_pyc(bad, "m", {"name": "m"})
    except (ImportError, EOFError) as e:
        print(type(e).__name__, e)
ext._validate_timestamp_pyc(header, 1, 2, "m", {})
try:
    ext._validate_timestamp_pyc(header, 5, 2, "m", {"name": "m"})
except ImportError as e:
    print("ImportError:", e)
try:
    ext._validate_hash_pyc(header, b"12345678", "m", {})
except ImportError as e:
    print("ImportError:", e)
print(ext._calc_mode("/nonexistent/file.py") == 0o666 | 0o200)
print(ext._get_supported_file_loaders()[1][0].__name__, ext._path_isabs("/a"), ext._path_isabs("a"))
