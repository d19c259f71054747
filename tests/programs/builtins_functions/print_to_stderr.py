# expect-stderr
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("stderr", "with", "sep", sep="_", end="!\n", file=sys.stderr)
sys.stderr.write("direct stderr write\n")
print("stdout again")
