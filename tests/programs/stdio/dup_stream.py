# Files opened on a duplicate of descriptor 1: each flushes when closed, while sys.stdout's
# text waits for the exit-time flush.
import io
import os
import sys

print("stdout first")
with open(os.dup(1), "w") as f:
    print(repr(f.name) == repr(f.fileno()), f.mode, f.encoding, f.closed)
    print("via dup", file=f)
print(f.closed)
with os.fdopen(os.dup(sys.stdout.fileno()), "wb") as fb:
    fb.write(b"binary via dup\n")
with io.open(sys.stdout.fileno(), "w", closefd=False) as g:
    g.write("closefd=False\n")
print(sys.stdout.closed)
w = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=True)
w.write("wrapper over sys.stdout.buffer\n")
print(w.line_buffering, w.write_through, w.encoding)
w.flush()
b = w.detach()
print(b is sys.stdout.buffer, sys.stdout.buffer.closed)
w2 = io.TextIOWrapper(sys.stdout.buffer, encoding="latin-1", newline="\r\n")
w2.write("latin-1 \xe9\n")
w2.flush()
w2.detach()
print("end")
