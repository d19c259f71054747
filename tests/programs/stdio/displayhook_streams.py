# sys.displayhook writes repr and a newline to sys.stdout and sets builtins._; an unencodable
# repr falls back to backslashreplace.
import builtins
import sys

sys.displayhook(42)
sys.displayhook(None)
sys.displayhook("text")
print(builtins._)


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


old = sys.stdout
sys.stdout = c = Collect()
sys.displayhook([1, 2])
sys.stdout = old
print(c.parts)
sys.stdout.reconfigure(encoding="ascii")
sys.displayhook("caf\xe9 \u20ac")
sys.stdout.reconfigure(encoding="utf-8")
sys.stdout = None
try:
    sys.displayhook(1)
except RuntimeError as e:
    sys.stdout = old
    print("RuntimeError:", e)
exec(compile("1 + 1\n", "<s>", "single"))
