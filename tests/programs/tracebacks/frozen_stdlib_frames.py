# Frames of the stdlib modules CPython freezes (os, posixpath, genericpath, stat, codecs, abc, ...)
# carry the file name "<frozen NAME>": the interpreter's own printer shows no source line for
# them, while the traceback module (through linecache and the module's loader) does.
import inspect
import os
import posixpath
import traceback

print(os.walk.__code__.co_filename, posixpath.join.__code__.co_filename)
print(inspect.getsourcefile(os.walk), inspect.getsource(posixpath.basename).splitlines()[0])
try:
    os.path.join(1, 2)
except TypeError:
    traceback.print_exc()
os.fspath(os.path.join("a", 2))
