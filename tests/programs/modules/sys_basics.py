import sys
print(sys.argv, sys.version_info[:2], sys.version_info.major, sys.implementation.name == sys.implementation.name, sys.platform in ("linux", "darwin", "win32", "emscripten"))
print(type(sys.path).__name__, sys.byteorder in ("little", "big"), sys.maxunicode, type(sys.modules).__name__, sys.getdefaultencoding())
print(sys.stdout.encoding.lower().replace("-", ""), sys.stdin.isatty(), sys.flags.optimize)
print(sys.getsizeof(0) > 0, callable(sys.exit), sys.intern("abc") == "abc")
