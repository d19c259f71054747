# A flush of sys.stdout that fails at exit is reported as an ignored exception, and the exit
# status becomes 120.
# expect-stderr
import sys


class Failing:
    def write(self, s):
        return len(s)

    def flush(self):
        raise OSError(32, "Broken pipe")


print("visible")
sys.stdout.flush()
sys.stdout = Failing()
print("swallowed")
