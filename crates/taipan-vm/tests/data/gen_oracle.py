# Generates the expectation files of the taipan-vm tests from the oracle (CPython 3.14):
#   PYTHONHASHSEED=0 /work/shared/tools/cpython3.14 crates/taipan-vm/tests/data/gen_oracle.py
# Each line is "<expression>\t<result>", where the result is repr(value) or "!<ExcName>: <message>".
import os, sys

here = os.path.dirname(os.path.abspath(__file__))

def run(expr):
    try:
        return repr(eval(expr))
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)

def write(name, exprs):
    with open(os.path.join(here, name), "w") as f:
        for e in exprs:
            f.write("%s\t%s\n" % (e, run(e)))

# Ints at and around the tagged (63-bit) and i64 boundaries. Lines of int_ops.txt are
# "<a>\t<op>\t<b>\t<result>" with a and b in decimal (b empty for unary operators).
ints = [0, 1, -1, 3, -7, 2**62, 2**62 - 1, -2**62, -2**62 - 1, 2**63 - 1, -2**63, 2**63,
        2**64 + 5, -10**30, 10**30 + 7]
binops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
          "//": lambda a, b: a // b, "%": lambda a, b: a % b, "&": lambda a, b: a & b,
          "|": lambda a, b: a | b, "^": lambda a, b: a ^ b, "/": lambda a, b: a / b,
          "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b, "**": lambda a, b: a ** b,
          "divmod": divmod, "<": lambda a, b: a < b, "==": lambda a, b: a == b}
unops = {"-": lambda a: -a, "~": lambda a: ~a, "abs": abs, "str": str}

def res(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)

rows = []
for a in ints:
    for b in ints:
        for op in ["+", "-", "*", "//", "%", "&", "|", "^", "/", "divmod", "<", "=="]:
            rows.append((a, op, b))
    for sh in [0, 1, 5, 62, 63, 64, 100, -1]:
        rows += [(a, "<<", sh), (a, ">>", sh)]
    for e in [0, 1, 2, 3, 5, -1, -2]:
        rows.append((a, "**", e))
with open(os.path.join(here, "int_ops.txt"), "w") as f:
    for a, op, b in rows:
        f.write("%d\t%s\t%d\t%s\n" % (a, op, b, res(binops[op], a, b)))
    for a in ints:
        for op in unops:
            f.write("%d\t%s\t\t%s\n" % (a, op, res(unops[op], a)))

hashes = ["hash(%s)" % a for a in ints] + [
    "hash(2**61-1)", "hash(2**61)", "hash(-2**61)", "hash(2**100)", "hash(-2**100)",
    "hash(0.0)", "hash(-0.0)", "hash(1.5)", "hash(-1.5)", "hash(1e300)", "hash(1e-300)",
    "hash(5e-324)", "hash(float('inf'))", "hash(float('-inf'))", "hash(3.141592653589793)",
    "hash(2.0**70)", "hash(-1.0)",
    "hash('')", "hash('a')", "hash('abc')", "hash('h\\xe9llo')", "hash('\\u20ac')",
    "hash('\\U0001f600x')", "hash('\\ud800')", "hash('a' * 100)",
    "hash(b'')", "hash(b'abc')", "hash(b'\\x00\\xff')",
    "hash(())", "hash((1,))", "hash((1, 2))", "hash(('a', 1.5, (2, 3)))", "hash((-1,))",
    "hash(None)", "hash(True)", "hash(False)",
]
write("hashes.txt", hashes)

# True division of big ints (correct rounding, subnormal results, overflow) and int -> float
# conversion. Lines of truediv.txt are "<a>\t<b>\t<repr(a / b)>\t<repr(float(a))>".
import random
rng = random.Random(3140)
pairs = []
for abits in [1, 30, 53, 54, 64, 100, 500, 1000, 1030, 1100, 2000]:
    for bbits in [1, 2, 30, 53, 64, 100, 1000, 1075, 1100, 2100]:
        for _ in range(3):
            a = rng.getrandbits(abits) | (1 << (abits - 1))
            b = rng.getrandbits(bbits) | (1 << (bbits - 1))
            if rng.random() < 0.3:
                a = -a
            if rng.random() < 0.3:
                b = -b
            pairs.append((a, b))
pairs += [(1, 2**1074), (3, 2**1075), (1, 2**1075), (1, 2**1076), (2**1024, 1), (2**1024 - 1, 1),
          (2**53 + 1, 1), (2**54 + 3, 1), (-(2**1100), 2**76), (0, -5), (7, 2**1074 * 4)]
with open(os.path.join(here, "truediv.txt"), "w") as f:
    for a, b in pairs:
        f.write("%d\t%d\t%s\t%s\n" % (a, b, res(lambda x, y: x / y, a, b), res(float, a)))
