# expect-stderr
import sys
sys.exit("fatal: message goes to stderr")
