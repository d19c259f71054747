# expect-stderr
import sys
sys.exit(-1)
