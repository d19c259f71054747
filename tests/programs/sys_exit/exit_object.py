# expect-stderr
import sys
sys.exit(["list", "code"])
