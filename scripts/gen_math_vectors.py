"""Writes the `math` test vectors of crates/taipan-stdlib from CPython 3.14.

Run with the oracle: /work/shared/tools/cpython3.14 scripts/gen_math_vectors.py
Writes crates/taipan-stdlib/tests/data/math_<group>.txt. For a wider differential run, write
elsewhere with another seed (MATH_OUT=/tmp/m MATH_SEED=5 ...) and replay each file with
MATH_VECTORS=/tmp/m/math_<group>.txt cargo test -p taipan-stdlib --test math_vectors extra. One case per line:

    FUNC ARG ARG ... => RESULT        or        FUNC ARG ... => !ExceptionName message

Values are space-separated tokens: `f:<16 hex digits>` a float by its bits, `i:<decimal>` an
int, `b:0`/`b:1` a bool, `N` None, `[ ... ]` a list, `( ... )` a tuple.
"""

import math
import os
import random
import struct
import sys

sys.set_int_max_str_digits(0)

OUT = os.environ.get("MATH_OUT") or os.path.join(
    os.path.dirname(__file__), "..", "crates", "taipan-stdlib", "tests", "data")
rng = random.Random(int(os.environ.get("MATH_SEED", "314")))


def enc(v):
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if v is None:
        return "N"
    if isinstance(v, list):
        return " ".join(["["] + [enc(x) for x in v] + ["]"])
    if isinstance(v, tuple):
        return " ".join(["("] + [enc(x) for x in v] + [")"])
    raise TypeError(type(v))


class Writer:
    def __init__(self, group):
        self.lines = []
        self.group = group

    def case(self, name, *args, call=None, **kwargs):
        fn = call or getattr(math, name)
        try:
            res = enc(fn(*args, **kwargs))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            res = "!%s %s" % (type(e).__name__, e)
        argv = list(args) + [kwargs[k] for k in sorted(kwargs)]
        self.lines.append(" ".join([name] + [enc(a) for a in argv] + ["=>", res]))

    def write(self):
        with open(os.path.join(OUT, "math_%s.txt" % self.group), "w") as f:
            f.write("\n".join(self.lines) + "\n")


INF, NAN = math.inf, math.nan
EDGE = [0.0, -0.0, INF, -INF, NAN, 5e-324, -5e-324, 1e-320, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0,
        0.5, -0.5, 2.0, -2.0, 3.0, 0.1, -0.1, 1e-300, 1e300, -1e300, 10.0, 100.0, 2.0**53,
        2.0**53 + 2, -(2.0**53), 2.0**52 + 0.5, 1e16, 0.9999999999999999, 1.0000000000000002,
        -0.9999999999999999, -1.0000000000000002, math.pi, math.e, 700.0, 709.78, 710.0, -745.0,
        -746.0, 1024.0, -1075.0, 1e-20, 1e-8, 171.5, -171.5, 200.5, -200.5, 0.25, 1.5, -1.5,
        4.5, -4.5, 1e22, 1e-310, 6.5, 30.0, 27.0, -8.0, 1.0 - 2.0**-30, 1.0 + 2.0**-30, 1e-15,
        0.7, 22.0, 23.0, 24.0, 140.5, -140.5, 5.524680040776729, 1e-16, -1e-16, 2.0**-1074 * 3]
SMALL_EDGE = [0.0, -0.0, INF, -INF, NAN, 5e-324, -5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0,
              3.0, -3.0, 0.1, 1e-300, 1e300, 10.0, -10.0, 2.0**53, 1e16, 1.5, -2.5, 7.0, 1e-310]


def rand_float(kind=None):
    k = kind if kind is not None else rng.randrange(6)
    if k == 0:
        return rng.uniform(-2.0, 2.0)
    if k == 1:
        return rng.uniform(-50.0, 50.0)
    if k == 2:
        return rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(-320, 308)
    if k == 3:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if k == 4:
        return float(rng.randrange(-300, 300)) + rng.choice([0.0, 0.5, 1e-9, -1e-9, 0.25])
    return rng.uniform(-800.0, 800.0)


def testcase_inputs():
    """Arguments of test/mathdata/math_testcases.txt, per function."""
    path = os.path.join(os.path.dirname(os.__file__), "test", "mathdata", "math_testcases.txt")
    per = {}
    try:
        with open(path) as f:
            for line in f:
                line = line.split("--")[0].strip()
                if "->" not in line:
                    continue
                parts = line.split("->")[0].split()
                per.setdefault(parts[1], []).append(float(parts[2]))
    except OSError:
        pass
    return per


TESTCASES = testcase_inputs()


def unary_floats():
    w = Writer("unary")
    names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf",
             "erfc", "exp", "exp2", "expm1", "fabs", "log1p", "sin", "sinh", "sqrt", "tan",
             "tanh", "gamma", "lgamma", "degrees", "radians", "ulp", "isfinite", "isinf",
             "isnan", "frexp", "modf", "floor", "ceil", "trunc"]
    for name in names:
        xs = list(EDGE) + [rand_float() for _ in range(50)]
        if name in ("gamma", "lgamma"):
            xs += [rand_float(4) for _ in range(50)] + [rng.uniform(-200, 200) for _ in range(50)]
            xs += [-n + d for n in range(0, 180, 7) for d in (1e-10, 0.5, 1 - 1e-12)]
            xs += [float(n) for n in range(-3, 30)] + [rng.uniform(0, 1e-19) for _ in range(5)]
        if name in ("asin", "acos", "atanh", "erf", "erfc", "tanh", "log1p"):
            xs += [rng.uniform(-1.2, 1.2) for _ in range(60)] + [rng.uniform(-7, 30) for _ in range(40)]
        xs += TESTCASES.get(name.replace("gamma", "gam") if name == "gamma" else name, [])
        if name in ("floor", "ceil", "trunc"):
            call = getattr(math, name)
        for x in xs:
            w.case(name, x)
    for name in ("pi", "e", "tau", "inf", "nan"):
        w.lines.append("%s => %s" % (name, enc(getattr(math, name))))
    for name in ("log", "log2", "log10"):
        for x in list(EDGE) + [rand_float() for _ in range(80)] + TESTCASES.get("log", []):
            w.case(name, x)
    w.write()


def binary_floats():
    w = Writer("binary")
    pairs = [(x, y) for x in SMALL_EDGE for y in SMALL_EDGE]
    pairs += [(rand_float(), rand_float()) for _ in range(60)]
    pairs += [(rand_float(0), rand_float(4)) for _ in range(40)]
    for name in ("atan2", "copysign", "fmod", "remainder", "pow", "hypot"):
        for x, y in (pairs if name in ("fmod", "remainder", "pow") else pairs[::4]):
            w.case(name, x, y)
    for x, y in [(rng.uniform(-5, 5), rng.uniform(-30, 30)) for _ in range(80)]:
        w.case("pow", x, y)
    for x, y in [(float(rng.randrange(-10**6, 10**6)), float(rng.randrange(1, 1000))) for _ in range(80)]:
        w.case("remainder", x, y)
        w.case("remainder", x + 0.5, 1.0)
        w.case("fmod", x, y)
    for x, y in pairs[::3]:
        w.case("nextafter", x, y)
        w.case("isclose", x, y, rel_tol=1e-09, abs_tol=0.0)
    for x, y in [(1.0, 1.0 + 1e-10), (1.0, 1.0 + 1e-8), (0.0, 1e-10), (1e-300, 0.0)]:
        w.case("isclose", x, y, rel_tol=1e-09, abs_tol=0.0)
        w.case("isclose", x, y, rel_tol=0.5, abs_tol=1e-9)
    w.case("isclose", 1.0, 1.0, rel_tol=-1.0, abs_tol=0.0)
    w.case("isclose", 1.0, 1.0, rel_tol=1e-09, abs_tol=-1.0)
    for x in SMALL_EDGE[::2]:
        for steps in (0, 1, 3, 2**52, 2**64, -1):
            for y in (INF, -INF, -0.0, NAN, 1.0, x):
                w.case("nextafter", x, y, steps=steps)
    for x in SMALL_EDGE + [rand_float() for _ in range(20)]:
        for e in (0, -1, 52, -1022, -1074, -1075, -1076, 1023, 1024, -2000, 2**31,
                  -(2**31), 2**70, -(2**70), rng.randrange(-1100, 1100)):
            w.case("ldexp", x, e)
    triples = [(x, y, z) for x in SMALL_EDGE[:12] for y in SMALL_EDGE[:12] for z in (-0.0, INF, -1e300)]
    triples += [(rand_float(), rand_float(), rand_float()) for _ in range(80)]
    triples += [(x, 1.0 / x, -1.0) for x in (3.0, 7.0, 10.0, 0.1, 49.0)]
    for x, y, z in triples:
        w.case("fma", x, y, z)
    w.write()


def rand_int(bits):
    return rng.getrandbits(bits) * rng.choice([1, -1])


def integers():
    w = Writer("int")
    for n in list(range(-3, 40)) + [100, 171, 500, 1000, 2047, 2048, 4097, -10**20, 10**20]:
        w.case("factorial", n)
    for n in list(range(-2, 70)) + [2**53, 2**53 + 1, 2**106 - 1, 10**50, -(10**50)] + [rng.getrandbits(b) for b in range(1, 3000, 150)]:
        w.case("isqrt", n)
        w.case("isqrt", n * n)
        w.case("isqrt", n * n - 1)
    ns = [0, 1, 2, 5, 10, 30, 67, 68, 100, 1000, 2**32, 2**62, 2**63 - 1, 2**63, 2**64, 10**30, -1, -(10**30)]
    ks = [0, 1, 2, 3, 10, 20, 34, 50, 99, 100, 101, 500, -1, 2**63 - 1, 2**63, 10**30, 10**30 - 5]
    for n in ns:
        for k in ks:
            # Big n: only small k (huge answers) and the k's that overflow or exceed n.
            if n >= 2**32 and 20 < k <= n and (k < 2**63 or n - k < 2**63):
                m = min(k, n - k)
                if 20 < m < 2**63:
                    continue
            w.case("comb", n, k)
            if not (n >= 2**32 and 20 < k <= n and k < 2**63):
                w.case("perm", n, k)
    for n in (-1, 0, 5, 20, 30, 10**20):
        w.case("perm", n, None)
    for _ in range(40):
        n = rng.randrange(0, 700)
        w.case("comb", n, rng.randrange(0, n + 2))
        w.case("perm", n, rng.randrange(0, min(n + 2, 400)))
    w.case("comb", 10**20 + 7, 10**20)
    w.case("comb", 2**64 + 3, 2**64 + 1)
    w.case("comb", 10**30, 10**30 - 3)
    for args in ([], [0], [-7], [0, 0], [12, 18], [-12, 18], [12, -18], [2**64, 2**32 * 6], [1, 10**30], [0, -5, 0]):
        w.case("gcd", args, call=lambda a: math.gcd(*a))
        w.case("lcm", args, call=lambda a: math.lcm(*a))
    for _ in range(120):
        args = [rand_int(rng.choice([3, 8, 30, 64, 100, 300])) * rng.choice([1, 6, 2**40]) for _ in range(rng.randrange(1, 6))]
        w.case("gcd", args, call=lambda a: math.gcd(*a))
        w.case("lcm", args, call=lambda a: math.lcm(*a))
    ints = [1, 2, 3, 7, 10, 100, 2**52 + 1, 2**53 + 1, 2**63, 2**64 - 1, 10**22, 2**1023, 2**1024 - 1,
            2**1024, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 10**400, 7**2000, 2**10000 + 1, 0, -1, -(10**400)]
    ints += [rng.getrandbits(b) for b in range(1, 4000, 250)]
    for n in ints:
        for name in ("log", "log2", "log10"):
            w.case(name, n, call=getattr(math, name))
    bases = [2, 10, 1, 0, -2, 10**400, 2.0, 0.5, 1.0, 0.0, -1.0, math.e, INF, NAN, 3]
    for x in [8, 100, 1, 0, 10**400, 2**1100, 8.0, 0.125, 1.0, -1.0, INF, NAN, 1e-300]:
        for b in bases:
            w.case("log", x, b)
    w.write()


def sums():
    w = Writer("sums")
    fl = lambda a: math.fsum(a)
    cases = [[], [0.0], [-0.0], [-0.0, -0.0], [1e308, 1e308], [1e308, -1e308, 1e308],
             [1e308, 1e308, -1e308], [INF, -INF], [INF, INF], [-INF, 1.0], [NAN, 1.0],
             [INF, NAN], [1e-16, 1.0, 1e16], [1.0, 1e100, 1.0, -1e100], [2.0**53, -0.5, -2.0**-54],
             [2.0**53, 1.0, 2.0**-100], [0.1] * 10, [1e-320, -1e-320, 5e-324], [1.7e308, 1.7e308, -1.7e308]]
    for _ in range(120):
        n = rng.randrange(1, 30)
        e = rng.choice([0, 10, 50, 300])
        cases.append([rng.uniform(-1, 1) * 10.0 ** rng.uniform(-e, e) for _ in range(n)])
    for _ in range(50):
        base = [rng.uniform(-1, 1) * 2.0 ** rng.randrange(-60, 60) for _ in range(rng.randrange(1, 15))]
        cases.append(base + [-x for x in base[:-1]] + [rng.random() * 1e-300])
    for c in cases:
        w.case("fsum", c, call=fl)
    hy = lambda a: math.hypot(*a)
    hcases = [[], [3.0], [-3.0], [3.0, 4.0], [NAN, INF], [INF, NAN], [NAN, 1.0], [0.0, 0.0],
              [5e-324, 5e-324], [1e-310, 3e-310, 5e-324], [1e308, 1e308], [1.7976931348623157e308] * 4,
              [-0.0], [1.0] * 5, [2.2250738585072014e-308, 1e-320]]
    for _ in range(150):
        n = rng.randrange(1, 10)
        e = rng.choice([0, 5, 100, 300, 320])
        hcases.append([rng.uniform(-1, 1) * 10.0 ** rng.uniform(-e, min(e, 307)) for _ in range(n)])
    for c in hcases:
        w.case("hypot", c, call=hy)
    dcases = [([], []), ([1.0], [1.0, 2.0]), ([1e308], [-1e308]), ([INF], [INF]), ([NAN, 1.0], [2.0, INF])]
    for _ in range(80):
        n = rng.randrange(1, 8)
        e = rng.choice([0, 5, 100, 300])
        dcases.append(([rng.uniform(-1, 1) * 10.0 ** rng.uniform(-e, e) for _ in range(n)],
                       [rng.uniform(-1, 1) * 10.0 ** rng.uniform(-e, e) for _ in range(n)]))
    for p, q in dcases:
        w.case("dist", p, q)

    def rand_real():
        k = rng.randrange(7)
        if k == 0:
            return rng.randrange(-10, 10)
        if k == 1:
            return rand_int(rng.choice([30, 62, 63, 64, 200]))
        if k == 2:
            return rng.random() < 0.5
        if k == 6:
            return rng.choice([INF, -INF, NAN, 1e308, -1e308, 2**1030])
        return rand_float(rng.choice([0, 1, 2]))
    sp = lambda p, q: math.sumprod(p, q)
    scases = [([], []), ([1], [1, 2]), ([2**1030], [1.0, 2.0]), ([1.0, 2.0], [3]), ([2**62, 2**62], [2, 2]),
              ([1, 2, 1.5, 3], [4, 5, 2.0, 7]), ([1.5, 2, 3], [2.0, 3, 4]), ([True, 2.5], [True, False]),
              ([1e308, 1e308, -1e308], [1.0, 1.0, 1.0]), ([0.1] * 20, [0.1] * 20), ([INF, 1.0], [1.0, 2**1030]),
              ([2**63, 1.0], [1, 1.0]), ([1.0, 2**63], [1.0, 1])]
    for _ in range(200):
        n = rng.randrange(0, 8)
        mode = rng.randrange(3)
        if mode == 0:
            p = [rand_float(rng.choice([0, 1, 2])) for _ in range(n)]
            q = [rand_float(rng.choice([0, 1, 2])) for _ in range(n)]
        else:
            p = [rand_real() for _ in range(n)]
            q = [rand_real() for _ in range(n)]
        scases.append((p, q))
    for p, q in scases:
        w.case("sumprod", p, q, call=sp)
    pr = lambda a, s: math.prod(a, start=s)
    pcases = [([], 1), ([], 2.5), ([2, 3], 1), ([2.5, 4], 1), ([2**600, 2**600], 1.0), ([1e200, 1e200], 1),
              ([2**62, 4, 0.5], 1), ([True, 3], 1), ([INF, 0.0], 1), ([NAN], 0)]
    for _ in range(100):
        pcases.append(([rand_real() for _ in range(rng.randrange(0, 8))], rng.choice([1, 0, 1.0, -2, 3.5])))
    for a, s in pcases:
        w.case("prod", a, s, call=pr)
    w.write()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    unary_floats()
    binary_floats()
    integers()
    sums()
    for f in sorted(os.listdir(OUT)):
        if f.startswith("math_"):
            print(f, os.path.getsize(os.path.join(OUT, f)), file=sys.stderr)
