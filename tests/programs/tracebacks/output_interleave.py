# expect-stderr
import sys
print("stdout line 1")
print("stderr line", file=sys.stderr)
print("stdout line 2")
sys.stdout.flush()
raise SystemError("after output")
