# Standard output on a pipe whose reader is gone: the exit-time flush fails with
# BrokenPipeError, reported as ignored, and the status is 120.
# expect-stderr
import os
import sys

r, w = os.pipe()
os.close(r)
print("to the old stdout", flush=True)
os.dup2(w, 1)
print("lost")
print("stderr still works", file=sys.stderr)
