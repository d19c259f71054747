# Closing sys.stdout: print raises ValueError; the exit-time flush skips a closed stream.
# expect-stderr
import sys

print("before")
sys.stdout.close()
print(sys.stdout.closed, sys.__stdout__.closed, sys.stdout.buffer.closed, file=sys.stderr)
try:
    print("after")
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
try:
    sys.stdout.write("x")
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
try:
    sys.stdout.flush()
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
try:
    sys.stdout.buffer.write(b"x")
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
print(sys.stdout.buffer.raw.closed, file=sys.stderr)
print("done", file=sys.stderr)
