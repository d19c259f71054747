# sys.stderr is line buffered, backslashreplace; writes and tracebacks go through it.
# expect-stderr
import sys

print("out")
sys.stderr.write("err \udcff \u20ac\n")
print(sys.stderr.line_buffering, sys.stderr.errors)
sys.stderr = sys.stdout
print("stderr now stdout", file=sys.stderr)
import warnings
warnings.warn("to stdout")
sys.stderr = sys.__stderr__
warnings.warn("to stderr")
raise KeyError("end")
