# With sys.stderr set to None, an uncaught exception prints nothing; the status stays 1.
# expect-stderr
import sys

print("out")
sys.stderr = None
raise ValueError("nobody sees this")
