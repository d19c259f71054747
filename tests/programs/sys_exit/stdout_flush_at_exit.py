# expect-stderr
import sys
sys.stdout.write("no newline at end")
sys.stderr.write("stderr without newline")
sys.exit(2)
