# expect-stderr
import sys
def cleanup():
    print("cleanup then exit")
    sys.exit("exiting with message after cleanup")
try:
    raise RuntimeError("ignored")
except RuntimeError:
    cleanup()
