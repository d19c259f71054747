"""Writes the test vectors of crates/taipan-stdlib (random, struct, binascii) from CPython 3.14.

Run with the oracle: /work/shared/tools/cpython3.14 scripts/gen_stdlib_vectors.py
For a wider differential run that is not committed, set STDLIB_SEED (another random seed),
STDLIB_SCALE (multiplies the random cases) and STDLIB_OUT (a directory), then run the Rust tests
with STDLIB_VECTORS_DIR=that directory.
Each output line is tab-separated: an operation, its arguments, then either the expected
result or `!` followed by the exception's name and message.
"""

import _random
import binascii
import os
import random
import struct
import sys

sys.set_int_max_str_digits(0)
OUT = os.environ.get("STDLIB_OUT") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "crates", "taipan-stdlib", "tests", "data")
SEED = int(os.environ.get("STDLIB_SEED", "20251125"))
SCALE = int(os.environ.get("STDLIB_SCALE", "1"))


def err(e):
    name = type(e).__name__
    if isinstance(e, struct.error):
        name = "struct.error"
    elif isinstance(e, binascii.Incomplete):
        name = "binascii.Incomplete"
    elif isinstance(e, binascii.Error):
        name = "binascii.Error"
    return ["!" + name, str(e)]


def fbits(x):
    return struct.pack(">d", x).hex()


def write(name, lines):
    with open(os.path.join(OUT, name), "w") as f:
        for line in lines:
            f.write("\t".join(str(x) for x in line) + "\n")


# ---------------------------------------------------------------- random

def gen_random():
    lines = []
    seeds = [0, 1, 2, 5, -5, 12345, -12345, 2**32 - 1, 2**32, 2**32 + 1, 2**64 + 5,
             -(2**100), 10**300, 3**2000, 2**31, 2**63 - 1]
    for s in seeds:
        r = _random.Random()
        r.seed(s)
        lines.append(["seed", s])
        for _ in range(4):
            lines.append(["random", fbits(r.random())])
        for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 1000]:
            lines.append(["bits", k, r.getrandbits(k)])
        lines.append(["random", fbits(r.random())])
    # Enough draws to cross several regenerations.
    r = _random.Random()
    r.seed(12345)
    lines.append(["seed", 12345])
    for i in range(1500):
        x = r.random()
        if i % 50 == 0:
            lines.append(["random", fbits(x)])
        else:
            lines.append(["skiprandom"])
    lines.append(["bits", 20000, r.getrandbits(20000)])
    # Hash-based seeds (non-int objects seed from hash(x)).
    for obj in [1.5, -2.5, 0.1, 1e300, float("inf"), -1e-300, (1, 2)]:
        r = _random.Random()
        r.seed(obj)
        lines.append(["seedhash", hash(obj)])
        lines.append(["random", fbits(r.random())])
        lines.append(["bits", 70, r.getrandbits(70)])
    # random.py's version-2 seeding of str and bytes (an int from the data and its SHA-512).
    for a in ["", "hello", "\u20ac\U0001f600", b"", b"\x00\xff" * 40]:
        rr = random.Random(a)
        data = a.encode() if isinstance(a, str) else a
        lines.append(["seedbytes", data.hex()])
        lines.append(["random", fbits(rr.random())])
        lines.append(["bits", 90, rr.getrandbits(90)])
    # random.py helpers.
    for s in [7, 12345]:
        rr = random.Random(s)
        lines.append(["seed", s])
        for n in [0, 1, 3, 4, 5, 17, 100]:
            lines.append(["randbytes", n, rr.randbytes(n).hex()])
        for n in [1, 2, 3, 10, 2**32, 2**32 + 1, 10**30, 2**100 - 1]:
            lines.append(["below", n, rr._randbelow(n)])
    # State.
    r = _random.Random()
    r.seed(99)
    for _ in range(10):
        r.random()
    lines.append(["seed", 99])
    for _ in range(10):
        lines.append(["skiprandom"])
    lines.append(["getstate", " ".join(map(str, r.getstate()))])
    st = list(r.getstate())
    st[5] = 2**32 + 17  # taken modulo 2**32
    st[-1] = 3
    r.setstate(tuple(st))
    lines.append(["setstate", " ".join(map(str, st)), "ok"])
    lines.append(["random", fbits(r.random())])
    lines.append(["bits", 40, r.getrandbits(40)])
    lines.append(["getstate", " ".join(map(str, r.getstate()))])
    zero = [0] * 624 + [624]
    r.setstate(tuple(zero))
    lines.append(["setstate", " ".join(map(str, zero)), "ok"])
    lines.append(["random", fbits(r.random())])
    base = list(r.getstate())
    bad = [base[:-1], base[:-1] + [625], base[:-1] + [-1], base[:-1] + [2**63],
           [-1] + base[1:], [2**64] + base[1:], [2**64 - 1] + base[1:], base[:-1] + [0]]
    for st in bad:
        try:
            r.setstate(tuple(st))
            res = ["ok"]
        except Exception as e:
            res = err(e)
        lines.append(["setstate", " ".join(map(str, st))] + res)
    for k in [-1, -(2**70), 2**64]:
        try:
            r.getrandbits(k)
        except Exception as e:
            lines.append(["bits", k] + err(e))
    for n in [-1, 2**61, 2**70]:
        try:
            random.randbytes(n)
        except Exception as e:
            lines.append(["randbytes", n] + err(e))
    write("random.txt", lines)


# ---------------------------------------------------------------- struct

def enc_arg(v):
    if isinstance(v, bool):
        return "i:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + fbits(v)
    if isinstance(v, bytearray):
        return "a:" + bytes(v).hex()
    if isinstance(v, bytes):
        return "b:" + v.hex()
    return "o:%d" % bool(v)


def enc_val(v):
    if isinstance(v, bool):
        return "B:%d" % v
    return enc_arg(v)


def enc_vals(vs):
    return " ".join(enc_val(v) for v in vs)


def gen_struct():
    lines = []
    fmts = ["", "@", "=", "<", ">", "!", "3", "i3", "3 ", "<3", "ii3x", "2i 3", " 2 i", "i i",
            "\0", "i\0i", "z", "<P", "=n", "!N", "@P", "@n", "@N", "99999999999999999999i",
            "9223372036854775807x", "4611686018427387904i", "1152921504606846976q",
            "2305843009213693951q", "9223372036854775807s", "9223372036854775808s", "2147483648i",
            "0s", "0p", "@@", "<>", "\t<i", "< i", "bi", "@bi", "=bi", "bq", "ihq", "3s0i", "cP",
            "b0i", "b0q", " ", "  i  ", "ie", "bd", "2b0d", "\x0bi", "\x0ci", "\ri", "\ni",
            "\x1ci", "b\x80", "cbB?hHiIlLqQnNefdspP", "<cbB?hHiIlLqQefdsp", ">cbB?hHiIlLqQefdsp",
            "=cbB?hHiIlLqQefdsp", "!cbB?hHiIlLqQefdsp", "3b2h5i", "b3h", "b7q", "b7d", "h5e",
            "10s3p", "c", "xxxi", "ix", "i0x", "?Q", "9223372036854775806xb", "9223372036854775807xb",
            "4611686018427387903h", "i4611686018427387903h", "b4611686018427387903h"]
    for f in fmts:
        fb = f.encode("latin-1")
        try:
            res = [struct.calcsize(fb)]
        except Exception as e:
            res = err(e)
        lines.append(["calcsize", fb.hex()] + res)
    for f in ["i\xe9\xe9", "i\u20ac", "i\0\xe9", "i\U0001f600", "\xe9", "<\xe9i", "ii"]:
        try:
            res = [struct.calcsize(f)]
        except Exception as e:
            res = err(e)
        lines.append(["calcsize_str", f.encode().hex()] + res)

    ints = [-2**70, -2**64 - 1, -2**64, -2**63 - 1, -2**63, -2**32, -2**31 - 1, -2**31, -2**16,
            -32769, -32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536,
            2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**70, True,
            10**400, 2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**53 + 1, 2**54 + 3, 70000, 65519, 65520]
    floats = [0.0, -0.0, 1.5, -1.5, 1e300, -1e300, 65504.0, 65520.0, 65519.99, 65519.999999,
              float("inf"), float("-inf"), float("nan"), -float("nan"), 3.5e38, 3.4028235e38,
              3.4028235677973366e+38, 3.4028235677973362e+38, 3.402823669209385e+38, 1e-8, 6e-8,
              5.960464477539063e-08, 2.9802322387695312e-08, 2.980232238769532e-08, 1e-45,
              1.401298464324817e-45, 7e-46, 6.103515625e-05, 6.1035e-05, 6.102e-05, 1.0009765625,
              1.00048828125, 1.00146484375, 2049.0, 2051.0, 0.1, 5e-324, 1e-310, 2.0**-149,
              2.0**-150, 2.0**-150 * 1.0000001, 2.0**-126]
    nan_bits = ["7ff0000000000001", "fff8000000000001", "7ff8000020000000", "7ff0000020000000",
                "7ff0040000000000", "7ff8040000000000", "7fffffffffffffff"]
    floats += [struct.unpack(">d", bytes.fromhex(h))[0] for h in nan_bits]
    others = ["a", b"", b"a", b"ab", bytearray(b"z"), None, [], [1]]
    codes = "cbB?hHiIlLqQnNPefd"
    few_ints = [-2**70, -2**63 - 1, -1, 0, True, 2**64, 10**400, 2**1024 - 2**970,
                2**1024 - 2**970 - 1, 2**53 + 1, 2**54 + 3, 70000, 65519, 65520]
    for mode in ["@", "<", ">"]:
        for c in codes:
            fmt = mode + c
            try:
                struct.calcsize(fmt)
            except struct.error:
                continue
            if c in "efd":
                values = few_ints + floats + others
            elif c in "c?":
                values = few_ints + floats[:3] + others
            else:
                values = ints + floats[:3] + others
            for v in values:
                try:
                    res = [struct.pack(fmt, v).hex()]
                except Exception as e:
                    res = err(e)
                lines.append(["pack", fmt.encode().hex(), enc_arg(v)] + res)
    # Multi-value formats, padding and alignment, s and p.
    cases = [
        ("bi", [1, 2]), ("@bi", [-1, -2]), ("<bi", [1, 2]), (">bi", [1, 2]), ("bq", [3, 4]),
        ("cbB?hHiIlLqQnNefdP", [b"x", -1, 255, [], -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, 1.5, 2.5, 3.5, 12]),
        (">cbB?hHiIlLqQefd", [b"x", -1, 255, 7, -2, 3, -4, 5, -6, 7, -8, 9, 1.5, 2.5, 3.5]),
        ("3s", [b"ab"]), ("3s", [b"abcd"]), ("0s", [b"abcd"]), ("3s", ["ab"]), ("3s", [1]),
        ("3p", [b"ab"]), ("3p", [b"abcd"]), ("1p", [b"abcd"]), ("0p", [b"abcd"]), ("3p", [1]),
        ("300p", [b"a" * 299]), ("300p", [b"a" * 250]), ("256p", [b"q" * 300]),
        ("257p", [b"q" * 300]), ("s", [bytearray(b"zz")]),
        ("i", [1, 2]), ("ii", [1]), ("", []), ("", [1]), ("3x", []), ("x3bx", [1, 2, 3]),
        ("2i", [1, "x"]), ("2i", ["x", 2**40]), ("bxh", [1, 2]), ("b0h", [5]),
        ("b3h", [1, 2, 3, 4]), ("b7q", [1] * 8), ("h5e", [1, 1.0, 2.0, 0.5, 65504.0, -0.0]),
        ("10s3p", [b"hello", b"hi"]), ("?Q", [0, 2**64 - 1]), ("ix", [1]), ("i0x", [1]),
    ]
    for fmt, args in cases:
        try:
            res = [struct.pack(fmt, *args).hex()]
        except Exception as e:
            res = err(e)
        lines.append(["packn", fmt.encode().hex(), " ".join(enc_arg(a) for a in args)] + res)

    # Unpacking: every code over a set of byte patterns.
    patterns = ["00" * 8, "ff" * 8, "0102030405060708", "8000000000000000", "0000000000000080",
                "7f7f7f7f7f7f7f7f", "017c017c017c017c", "017e00000000f07f", "0100807f0100c07f",
                "00fc00fe00000000", "010000000000f07f", "0000000000f8ffff", "02" * 8, "3c003c00f03f0000"]
    for mode in ["", "@", "=", "<", ">", "!"]:
        for c in codes + "x":
            fmt = mode + c
            try:
                n = struct.calcsize(fmt)
            except struct.error:
                continue
            for p in patterns:
                buf = bytes.fromhex(p)[:n]
                lines.append(["unpack", fmt.encode().hex(), buf.hex(), enc_vals(struct.unpack(fmt, buf))])
    ucases = [("i", b"abc"), ("", b"abc"), ("", b""), ("3s", b"abc"), ("3p", b"\x05ab"),
              ("3p", b"\x01ab"), ("0p", b""), ("1p", b"\x07"), ("300p", b"\xff" + b"a" * 299),
              ("bi", b"\x01\x02\x03\x04\x05\x06\x07\x08"), ("x3bx", b"\x01\x02\x03\x04\x05"),
              ("b3h", bytes(range(8))), ("10s3p", b"hello\0\0\0\0\0\x02hi"), ("i", b"abcde")]
    for fmt, buf in ucases:
        try:
            res = [enc_vals(struct.unpack(fmt, buf))]
        except Exception as e:
            res = err(e)
        lines.append(["unpack", fmt.encode().hex(), buf.hex()] + res)
    for fmt, buf, off in [("i", b"abc", 0), ("i", b"abc", 1), ("i", b"abcdefg", -1),
                          ("i", b"abcdefg", -8), ("i", b"abcdefg", -3), ("i", b"abcdefg", -4),
                          ("i", b"abcdefg", -7), ("i", b"abcdefg", 7), ("i", b"abcdefg", 8),
                          ("i", b"abcdefg", 2), ("i", b"abcdefg", 3), ("i", b"abcdefg", 4),
                          ("", b"abc", 3), ("", b"abc", 4), ("", b"abc", -3), ("", b"abc", -4),
                          ("", b"abc", 0), ("2h", b"abcdefgh", -5), ("30s", b"ab", -40),
                          ("i", b"", -1), ("i", b"abcdefg", -(2**63))]:
        try:
            res = [enc_vals(struct.unpack_from(fmt, buf, off))]
        except Exception as e:
            res = err(e)
        lines.append(["unpack_from", fmt.encode().hex(), buf.hex(), off] + res)
    for fmt, n, off, args in [("i", 3, 0, [1]), ("i", 3, 1, [1]), ("i", 8, -1, [1]),
                              ("i", 8, -9, [1]), ("i", 8, 9, [1]), ("i", 8, 5, [1]),
                              ("i", 8, 0, []), ("i", 8, 4, [1]), ("i", 8, -4, [-2]),
                              ("i", 8, -8, [2**40]), ("bxh", 8, 1, [1, 2]), ("", 3, 3, []),
                              ("", 3, 4, []), ("2h", 8, -5, [1, 2]), ("i", 8, 20, [1.5]),
                              ("i", 3, 0, ["x"]), ("3x", 6, 1, []), ("i", 0, -1, [1])]:
        buf = bytearray(b"\xaa" * n)
        try:
            struct.pack_into(fmt, buf, off, *args)
            res = [bytes(buf).hex()]
        except Exception as e:
            res = err(e)
        lines.append(["pack_into", fmt.encode().hex(), n, off, " ".join(enc_arg(a) for a in args)] + res)
    for fmt, buf in [("", b"abc"), ("i", b"abc"), ("i", b"abcdefgh"), ("h", b""),
                     ("2b", b"\x01\x02\x03\x04"), ("x", b"ab"), ("3x", b"ab")]:
        try:
            res = [";".join(enc_vals(t) for t in struct.iter_unpack(fmt, buf))]
        except Exception as e:
            res = err(e)
        lines.append(["iter_unpack", fmt.encode().hex(), buf.hex()] + res)
    # Random formats and values.
    rng = random.Random(SEED + 1)
    pool = ints + floats + others + [b"abcdefgh", b"\x00" * 3]
    for _ in range(150 * SCALE):
        mode = rng.choice(["", "@", "=", "<", ">", "!"])
        parts = []
        for _ in range(rng.randrange(1, 5)):
            c = rng.choice(codes + "xsp")
            n = rng.choice(["", "", "0", "1", "2", "3", "7"])
            parts.append(n + c)
        fmt = mode + rng.choice(["", " "]).join(parts)
        try:
            nargs = len(struct.unpack(fmt, bytes(struct.calcsize(fmt))))
        except struct.error:
            continue
        args = []
        for _ in range(nargs + rng.choice([0, 0, 0, 0, 1, -1])):
            args.append(rng.choice(pool))
        try:
            res = [struct.pack(fmt, *args).hex()]
        except Exception as e:
            res = err(e)
        lines.append(["packn", fmt.encode().hex(), " ".join(enc_arg(a) for a in args)] + res)
        buf = bytes(rng.randrange(256) for _ in range(struct.calcsize(fmt)))
        lines.append(["unpack", fmt.encode().hex(), buf.hex(), enc_vals(struct.unpack(fmt, buf))])
    write("struct.txt", lines)


# ---------------------------------------------------------------- binascii

def gen_binascii():
    lines = []
    rng = random.Random(SEED)

    def call(name, args, f):
        try:
            res = [f().hex()]
        except Exception as e:
            res = err(e)
        lines.append([name] + args + res)

    samples = [b"", b"\0", b"a", b"ab", b"abc", b"abcd", b"hello world\n", bytes(range(256)),
               b"\xff" * 7, b"x" * 45, b"x" * 46, b"x" * 57, b"y" * 100]
    samples += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40))) for _ in range(20)]
    for d in samples:
        call("hexlify", [d.hex(), "-", 1], lambda: binascii.hexlify(d))
        for sep in [":", "\xe9", b"\xff", "\u20ac", "", "::"]:
            seps = ",".join("%d" % x for x in (sep if isinstance(sep, bytes) else map(ord, sep)))
            for per in [1, 2, 3, -1, -2, -5, 0, 2**31]:
                if len(d) > 8 and (per not in (1, -2) or sep != ":"):
                    continue
                call("hexlify", [d.hex(), "s" + seps, per], lambda: binascii.hexlify(d, sep, per))
        call("b2a_base64", [d.hex(), 1], lambda: binascii.b2a_base64(d))
        call("b2a_base64", [d.hex(), 0], lambda: binascii.b2a_base64(d, newline=False))
        call("b2a_uu", [d.hex(), 0], lambda: binascii.b2a_uu(d))
        call("b2a_uu", [d.hex(), 1], lambda: binascii.b2a_uu(d, backtick=True))
        for crc in [0, 1, -1, 0x1234, 0x12345678, 2**70 + 5, -(2**40)]:
            lines.append(["crc32", d.hex(), crc, binascii.crc32(d, crc)])
            lines.append(["crc_hqx", d.hex(), crc, binascii.crc_hqx(d, crc)])
    for h in [b"", b"a", b"abc", b"0G", b"G0", b"0g", b"zz", b"a\xff", b"00ff", b"DEADbeef", b"0 0",
              b"\xff\xff", b"0102030405060708090a0b0c0d0e0f"]:
        call("unhexlify", [h.hex()], lambda: binascii.unhexlify(h))

    # base64 decoding: fixed cases, then random strings over a small alphabet.
    b64 = [b"", b"ab==", b"ab==cd", b"ab==c=", b"abc=", b"abc=a", b"abc=ab", b"abc=abc=", b"abc==ab",
           b"ab=", b"ab=c", b"ab=cd==", b"ab===", b"a=bc", b"abcd=", b"abcd=ef", b"ab==cd=",
           b"ab==cde", b"ab==c", b"abc=d", b"ab==:", b"abcd==ab", b"=abc", b"ab=\nc=", b"ab= =",
           b"ab==cdef", b"a=", b"a=b", b"a==", b"a=:", b"a=\n", b"ab=:", b"ab=a", b"abc=:",
           b"abc==", b"abc=\n", b"ab=\n=", b"ab\n==", b"ab==\n", b"ab:==", b"abcd\n", b"abcda=",
           b"abcdab=", b"abcdab=c", b"abcdabc=d", b"abcda=bc", b"abcda", b"abcdabcde", b"abc",
           b"ab", b"=", b"\n=", b" ab==", b"abcd=ab", b"ab=c=", b"a" * 349, b"A\tB\nC ??DE",
           b"YWJj\xffZA==", b"YW\x80Jj", b"////", b"++++", b"-_-_", b"a\x00b==",
           b"ab:(){:|:&};:==", b"=====", b"abcd=====", b"ab====", b"abc====="]
    alphabet = b"abAB+/09==\n :\x80"
    for _ in range(400 * SCALE):
        b64.append(bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 12))))
    for d in b64:
        call("a2b_base64", [d.hex(), 0], lambda: binascii.a2b_base64(d))
        call("a2b_base64", [d.hex(), 1], lambda: binascii.a2b_base64(d, strict_mode=True))

    # uudecode.
    uu = [b"", b"\xff\x00", b"!!!!", b"!!!", b"! ! ", b"!a", b"`", b"a", b"\x1f", b"!\x1f",
          b"#86)C\n\n  \r`", b"#86)C\n\nx", b"#86)C\n\n\x00", b"\x7f", b"\x80", b"\xff",
          b" \n", b"`\n", b"$`$-A=```\n", b"$ $-A=   \n", b"!>   \n", b"#86)C", b"#86)C\r\n"]
    ualpha = b" !#$%`abz\n\r\x00@_^"
    for _ in range(200 * SCALE):
        uu.append(bytes(rng.choice(ualpha) for _ in range(rng.randrange(0, 10))))
    for d in uu:
        call("a2b_uu", [d.hex()], lambda: binascii.a2b_uu(d))

    # Quoted-printable.
    qp = [b"", b"=", b"a=\r\rb\nc", b"=4", b"=41", b"=4g", b"=g4", b"==", b"=\n", b"=\r\n",
          b"a_b", b"abc  \ndef\t\n", b".\n", b".", b"a.\n", b"\x00\x7f\x80\xff", b"x" * 80,
          b"x" * 75 + b"\n", b"x" * 76 + b"\r\nyy", b"x" * 74 + b"==", b"line1\r\nline2 \r\n",
          b"a\rb\nc", b"\t", b" ", b"a \t", b"_ _", b"=3D=3d=3", b"=\r", b"=  \nx", b"=\rx\ny",
          b"x" * 73 + b"\xff\xff", b"x" * 150 + b" " + b"y" * 80, b"\r\n\r\n", b".\r\n"]
    qalpha = b"ab =_\t\r\n.\x00\xffAF3"
    for _ in range(80 * SCALE):
        qp.append(bytes(rng.choice(qalpha) for _ in range(rng.randrange(0, 30))))
    for _ in range(12 * SCALE):
        qp.append(bytes(rng.choice(qalpha + b"xyz" * 5) for _ in range(rng.randrange(60, 200))))
    for d in qp:
        for header in (0, 1):
            call("a2b_qp", [d.hex(), header], lambda: binascii.a2b_qp(d, header=bool(header)))
        for flags in range(8):
            if len(d) > 30 and flags not in (0, 2, 3, 6):
                continue
            qt, it, hd = flags & 1, flags >> 1 & 1, flags >> 2 & 1
            call("b2a_qp", [d.hex(), qt, it, hd],
                 lambda: binascii.b2a_qp(d, quotetabs=bool(qt), istext=bool(it), header=bool(hd)))
    write("binascii.txt", lines)


gen_random()
gen_struct()
gen_binascii()
