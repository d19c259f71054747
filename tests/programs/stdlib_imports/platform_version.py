# platform parses sys.version: python_version(), python_build(), python_compiler() and
# python_implementation() work (their values are the implementation's own).
import platform
import sys

print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
build = platform.python_build()
print(type(build).__name__, len(build), all(isinstance(x, str) for x in build))
print(isinstance(platform.python_compiler(), str), platform.python_compiler() != "")
print(platform.python_implementation())
print(platform.python_version_tuple()[:2])
print(len(platform.platform()) > 0, platform.system())
