"""Generate the tables behind Taipan's `unicodedata` module from CPython 3.14's own
`unicodedata` (Unicode 16.0.0) and its `ucd_3_2_0` (Unicode 3.2.0).

Run with the oracle:  ../shared/tools/cpython3.14 scripts/gen_unicodedata.py
Writes crates/taipan-common/src/unicodedata_tables.rs:
  PROPS, PROPS_3_2   runs of code points sharing (category, bidirectional, east_asian_width,
               combining, mirrored): (first code point, category index, bidi index, eaw index,
               combining class, mirrored); a run lasts until the next one starts
  CATEGORIES, BIDI_CLASSES, EAST_ASIAN_WIDTHS, DECOMP_TAGS   the names the indices point at
  NUMERIC, NUMERIC_3_2   (code point, numerator, denominator, kind) for every character with a
               numeric value; kind 2 = also a decimal and a digit, 1 = also a digit, 0 = numeric only
               (`digit` always answers from NUMERIC, even under `ucd_3_2_0`, as CPython's does)
  DECOMP       (code point, tag index, length, offset into DECOMP_DATA) for every character with a
               decomposition mapping (Hangul syllables are algorithmic and not listed)
  COMPOSE      (first, second, primary composite), sorted, for canonical composition
  NORM_3_2_FIX (code point, replacement): the 3.2.0 normalization corrections `ucd_3_2_0` applies
  NAMED_SEQUENCES  (name, code points) from NamedSequences.txt ($UCD_DIR, default
               /usr/share/unicode), each kept only if the oracle's `lookup` gives the same string
The unicodedata of code points unassigned in 3.2.0 (category 'Cn' there) is '' / 0 under
`ucd_3_2_0`, and normalization leaves them alone.
"""
import os
import unicodedata as u
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "taipan-common", "src", "unicodedata_tables.rs")
UCD = os.environ.get("UCD_DIR", "/usr/share/unicode")
OLD = u.ucd_3_2_0

cats, bidis, eaws, tags = [], [], [], [""]


def index(lst, v):
    if v not in lst:
        lst.append(v)
    return lst.index(v)


def prop_runs(db):
    runs = []
    prev = None
    for c in range(0x110000):
        ch = chr(c)
        key = (index(cats, db.category(ch)), index(bidis, db.bidirectional(ch)),
               index(eaws, db.east_asian_width(ch)), db.combining(ch), db.mirrored(ch))
        if key != prev:
            runs.append((c,) + key)
            prev = key
    return runs


def numerics(db):
    out = []
    for c in range(0x110000):
        ch = chr(c)
        v = db.numeric(ch, None)
        dec = db.decimal(ch, None)
        # CPython's `digit` ignores the database version: under ucd_3_2_0 it is the current one.
        dig = db.digit(ch, None) if db is u else (dec if dec is not None else None)
        if v is None:
            assert dig is None and dec is None, c
            continue
        f = Fraction(v).limit_denominator(1000)
        assert float(f) == v, (c, v)
        if dec is not None:
            assert dig == dec == v, c
            kind = 2
        elif dig is not None:
            assert dig == v, c
            kind = 1
        else:
            kind = 0
        out.append((c, f.numerator, f.denominator, kind))
    return out


runs = prop_runs(u)
runs_old = prop_runs(OLD)
numeric = numerics(u)
numeric_old = numerics(OLD)

decomp, data = [], []
canon = {}
for c in range(0x110000):
    ch = chr(c)
    d = u.decomposition(ch)
    if not d or 0xAC00 <= c <= 0xD7A3:  # Hangul syllables: algorithmic
        continue
    parts = d.split()
    tag = 0
    if parts[0].startswith("<"):
        tag = index(tags, parts[0])
        parts = parts[1:]
    cps = [int(p, 16) for p in parts]
    if tag == 0:
        canon[c] = cps
    decomp.append((c, tag, len(cps), len(data)))
    data.extend(cps)
    # The old database shares the decomposition of every code point it has.
    assert OLD.decomposition(ch) in (d, ""), c
assert len(data) < 65536

compose = []
for c, cps in canon.items():
    if u.normalize("NFC", chr(c)) == chr(c):  # not a composition exclusion
        assert len(cps) == 2, c
        compose.append((cps[0], cps[1], c))
compose.sort()

fixes = []
for c in range(0x110000):
    ch = chr(c)
    if OLD.category(ch) == "Cn":
        continue
    old, new = OLD.normalize("NFD", ch), u.normalize("NFD", ch)
    if old != new:
        assert len(old) == 1, c
        fixes.append((c, ord(old)))

named = []
with open(os.path.join(UCD, "NamedSequences.txt")) as fh:
    for line in fh:
        line = line.split("#")[0].strip()
        if not line:
            continue
        name, seq = line.split(";")
        s = "".join(chr(int(x, 16)) for x in seq.split())
        try:
            if u.lookup(name) == s:
                named.append((name, [ord(x) for x in s]))
        except KeyError:
            pass


def table(lines, decl, rows, fmt, per_line):
    lines.append(decl)
    row = []
    for r in rows:
        row.append(fmt % r)
        if len(row) == per_line:
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines.append("];")
    lines.append("")


def strs(xs):
    return ", ".join('"%s"' % x for x in xs)


lines = [
    "//! The `unicodedata` property tables (Unicode %s and %s, CPython 3.14's)."
    % (u.unidata_version, OLD.unidata_version),
    "//!",
    "//! GENERATED by scripts/gen_unicodedata.py from the oracle's `unicodedata`; do not edit by hand.",
    "",
    "pub const UNIDATA_VERSION: &str = \"%s\";" % u.unidata_version,
    "pub const UNIDATA_VERSION_3_2: &str = \"%s\";" % OLD.unidata_version,
    "",
    "pub static CATEGORIES: &[&str] = &[%s];" % strs(cats),
    "pub static BIDI_CLASSES: &[&str] = &[%s];" % strs(bidis),
    "pub static EAST_ASIAN_WIDTHS: &[&str] = &[%s];" % strs(eaws),
    "pub static DECOMP_TAGS: &[&str] = &[%s];" % strs(tags),
    "",
]
prop_fmt = "(0x%x, %d, %d, %d, %d, %d),"
table(lines, "/// (first code point, category, bidi class, east asian width, combining class, mirrored).\n"
      "pub static PROPS: &[(u32, u8, u8, u8, u8, u8)] = &[", runs, prop_fmt, 4)
table(lines, "/// [`PROPS`] as of Unicode 3.2.0.\n"
      "pub static PROPS_3_2: &[(u32, u8, u8, u8, u8, u8)] = &[", runs_old, prop_fmt, 4)
num_fmt = "(0x%x, %d.0, %d, %d),"
table(lines, "/// (code point, numerator, denominator, kind) of each numeric character.\n"
      "pub static NUMERIC: &[(u32, f64, u16, u8)] = &[", numeric, num_fmt, 5)
table(lines, "/// [`NUMERIC`] as of Unicode 3.2.0.\n"
      "pub static NUMERIC_3_2: &[(u32, f64, u16, u8)] = &[", numeric_old, num_fmt, 5)
table(lines, "/// (code point, tag, length, offset in DECOMP_DATA) of each decomposable character.\n"
      "pub static DECOMP: &[(u32, u8, u8, u16)] = &[", decomp, "(0x%x, %d, %d, %d),", 5)
table(lines, "/// The code points of every decomposition, back to back.\n"
      "pub static DECOMP_DATA: &[u32] = &[", data, "0x%x,", 12)
table(lines, "/// (first, second, primary composite), sorted.\n"
      "pub static COMPOSE: &[(u32, u32, u32)] = &[", compose, "(0x%x, 0x%x, 0x%x),", 4)
table(lines, "/// (code point, replacement) of the Unicode 3.2.0 normalization corrections.\n"
      "pub static NORM_3_2_FIX: &[(u32, u32)] = &[", fixes, "(0x%x, 0x%x),", 4)
lines.append("/// (name, code points) of the named sequences `lookup` accepts.")
lines.append("pub static NAMED_SEQUENCES: &[(&str, &[u32])] = &[")
for name, cps in named:
    lines.append('    ("%s", &[%s]),' % (name, ", ".join("0x%x" % c for c in cps)))
lines.append("];")
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("%d runs, %d old runs, %d numeric, %d old numeric, %d decompositions (%d code points), "
      "%d compositions, %d fixes, %d named sequences" % (
          len(runs), len(runs_old), len(numeric), len(numeric_old), len(decomp), len(data),
          len(compose), len(fixes), len(named)))
