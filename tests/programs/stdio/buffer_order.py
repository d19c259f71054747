# Text written to sys.stdout waits in the text layer (and its buffer) until a flush, so bytes
# written below it and os.write(1, ...) can come first, as in CPython with a file or pipe.
import os
import sys

print("text 1")
sys.stdout.buffer.write(b"bytes 1\n")
print("text 2")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes 2\n")
os.write(1, b"raw 1\n")
print("text 3")
sys.stdout.buffer.flush()
os.write(1, b"raw 2\n")
sys.stdout.write("write 1\n")
print("text 4", flush=True)
os.write(1, b"raw 3\n")
n = sys.stdout.buffer.write(bytearray(b"bytearray\n"))
m = sys.stdout.buffer.write(memoryview(b"memoryview\n"))
print(n, m, sys.stdout.write("abc\n"), sys.stdout.write(""))
sys.stdout.buffer.raw.write(b"raw write\n")
print("last")
