"""Generate crates/taipan-common/src/unicode_names.bin: Unicode character names and name aliases
for `\\N{...}` escapes and `unicodedata.name`/`lookup`, from the oracle's `unicodedata` (16.0.0).

Run:  ../shared/tools/cpython3.14 scripts/gen_unicode_names.py
Aliases come from NameAliases.txt (Debian's `unicode-data` package: /usr/share/unicode, or
$UCD_DIR); each is kept only if the oracle's `unicodedata.lookup` resolves it to the same code
point. CJK UNIFIED IDEOGRAPH-XXXX and HANGUL SYLLABLE names are algorithmic (only the CJK ranges
are stored). The layout is described in crates/taipan-common/src/unicode_names.rs.
"""
import collections
import os
import struct
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "taipan-common", "src", "unicode_names.bin")
UCD = os.environ.get("UCD_DIR", "/usr/share/unicode")


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def split_words(name):
    """[(word, hyphen_follows)]"""
    words = []
    cur = ""
    for ch in name:
        if ch in " -":
            words.append([cur, ch == "-"])
            cur = ""
        else:
            cur += ch
    words.append([cur, False])
    return words


def main():
    names = []  # (cp, name, hex_suffix)
    cjk = []
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
            continue
        if n.startswith("HANGUL SYLLABLE "):
            continue
        suffix = "-%04X" % cp
        if n.endswith(suffix):
            names.append((cp, n[: -len(suffix)], True))
        else:
            names.append((cp, n, False))
    aliases = []
    with open(os.path.join(UCD, "NameAliases.txt")) as fh:
        for line in fh:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp, alias, _kind = line.split(";")
            cp = int(cp, 16)
            try:
                if unicodedata.lookup(alias) == chr(cp):
                    aliases.append((cp, alias))
            except KeyError:
                pass
    freq = collections.Counter()
    for _, n, _ in names:
        for w, _ in split_words(n):
            freq[w] += 1
    for _, a in aliases:
        for w, _ in split_words(a):
            freq[w] += 1
    words = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))]
    index = {w: i for i, w in enumerate(words)}

    def encode(n, hexflag):
        ws = split_words(n)
        out = bytearray(varint(len(ws) << 1 | hexflag))
        for w, hy in ws:
            out += varint(index[w] << 1 | hy)
        return bytes(out)

    out = bytearray(b"TPUN0001")
    out += struct.pack("<I", len(words))
    for w in words:
        b = w.encode("ascii")
        out += struct.pack("<B", len(b)) + b
    runs = []
    for cp, _, _ in names:
        if runs and runs[-1][0] + runs[-1][1] == cp:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1])
    out += struct.pack("<I", len(runs))
    for s, c in runs:
        out += struct.pack("<II", s, c)
    stream = bytearray()
    blocks = []
    for i, (cp, n, hexflag) in enumerate(names):
        if i % 32 == 0:
            blocks.append(len(stream))
        stream += encode(n, hexflag)
    out += struct.pack("<II", len(names), len(blocks))
    for b in blocks:
        out += struct.pack("<I", b)
    out += struct.pack("<I", len(stream)) + stream
    out += struct.pack("<I", len(aliases))
    for cp, a in aliases:
        out += struct.pack("<I", cp) + encode(a, 0)
    out += struct.pack("<I", len(cjk))
    for lo, hi in cjk:
        out += struct.pack("<II", lo, hi)
    with open(OUT, "wb") as fh:
        fh.write(out)
    print("%s: %d bytes, %d names, %d words, %d aliases, %d CJK ranges" % (
        os.path.relpath(OUT, ROOT), len(out), len(names), len(words), len(aliases), len(cjk)))


if __name__ == "__main__":
    main()
