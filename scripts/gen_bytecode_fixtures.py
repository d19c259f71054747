"""Bytecode fixtures and the stdlib disassembly check, with the oracle (CPython 3.14).

Run:  ../shared/tools/cpython3.14 scripts/gen_bytecode_fixtures.py [--stdlib] [--tool CMD] [FILE.py ...]

- Default: regenerate tests/bytecode/. For each NAME.py there, the oracle compiles it (as
  `python -m dis NAME.py` does, with the file name "NAME.py") and writes NAME.pyc (an
  unchecked-hash pyc, so it does not change with the file's mtime) and NAME.dis, the text
  `dis.dis` prints for it with code-object addresses normalised to " at 0x", and NAME.cop.dis
  the same with -C -O -P (caches, offsets, positions); NAME.lines holds
  every code object's co_lines() and co_positions(), for the line-table tests, and NAME.instrs
  what dis.get_instructions() says of each instruction. The Rust test
  crates/taipan-bytecode/tests/fixtures.rs checks Taipan against them. (*.pyc is git-ignored:
  commit a new fixture's .pyc with `git add -f`.)
- --stdlib: compile every file of CPython's Lib (.stdlib/Lib, fetched by scripts/fetch-stdlib.sh;
  the same 535 files as the parser's stdlib test) into a temporary folder and compare
  `CMD FILE.pyc` (default: target/bytecode/debug/taipan-dev dis-pyc) with what `python -m dis`
  prints, addresses and frozenset element order normalised; -C, -O, -P are passed to both. Prints a diff per differing file
  and a summary line; exits 1 if any differ. Explicit FILE.py arguments restrict the check.
- --stdlib --rewrite: instead, Taipan's marshal reader and writer rewrite each .pyc
  (`pyc_tool rewrite`, the crate's example) and the oracle loads the result: its code object must
  equal the original and disassemble the same.
- --stdlib --selfcheck: `pyc_tool selfcheck` on every .pyc: location and exception tables
  re-encode to the same bytes, marshal write-then-read gives an equal code object.
"""
import dis
import importlib.util
import io
import marshal
import os
import re
import shlex
import subprocess
import sys
import tempfile
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "bytecode")


def compile_file(path, name):
    with open(path, "rb") as f:
        source = f.read()
    return source, compile(source, name, "exec")


def pyc_bytes(code, source):
    # flags 1: hash-based, not checked; then the source hash, then the marshalled code.
    return (importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))


DIS_FLAGS = {"-C": "show_caches", "-O": "show_offsets", "-P": "show_positions"}


def dis_text(code, flags=()):
    buf = io.StringIO()
    dis.dis(code, file=buf, **{DIS_FLAGS[f]: True for f in flags})
    return buf.getvalue()


def _sorted_set(m):
    items, depth, cur, quote = [], 0, "", None
    for ch in m.group(1):
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    return "frozenset({" + ", ".join(sorted(items)) + "})"


def normalise(text):
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x", text)
    return re.sub(r"frozenset\(\{(.*?)\}\)", _sorted_set, text)


def all_code(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from all_code(c)


def lines_text(code):
    out = []
    for co in all_code(code):
        out.append("code %s %d" % (co.co_qualname, co.co_firstlineno))
        out.append("lines " + " ".join("%d:%d:%s" % (s, e, l) for s, e, l in co.co_lines()))
        out.append("positions " + " ".join(":".join(str(v) for v in p) for p in co.co_positions()))
    return "\n".join(out) + "\n"


def instrs_text(code):
    out = []
    for co in all_code(code):
        out.append("code %s" % co.co_qualname)
        for i in dis.get_instructions(co):
            out.append("%d %d %s %s %r %s %s %s %s" % (
                i.offset, i.start_offset, i.opname, i.arg, i.argrepr, i.starts_line,
                i.line_number, i.label, i.jump_target))
    return "\n".join(out) + "\n"


def write_if_changed(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    old = None
    if os.path.exists(path):
        with open(path, "rb" if mode == "wb" else "r") as f:
            old = f.read()
    if old != data:
        with open(path, mode) as f:
            f.write(data)
        return 1
    return 0


# Opcodes CPython's compiler never puts in a code object (the interpreter's own, or adaptive).
NEVER_EMITTED = {"CACHE", "RESERVED", "INTERPRETER_EXIT", "ENTER_EXECUTOR", "EXIT_INIT_CHECK",
                 "INSTRUMENTED_LINE"}


def report_coverage(names):
    from _opcode_metadata import opmap, MIN_INSTRUMENTED_OPCODE
    seen = set()
    for f in names:
        _, code = compile_file(os.path.join(FIXTURES, f), f)
        for co in all_code(code):
            seen.update(i.opname for i in dis.get_instructions(co))
    wanted = {n for n, o in opmap.items() if o < MIN_INSTRUMENTED_OPCODE and n not in NEVER_EMITTED}
    missing = sorted(wanted - seen)
    print("opcodes covered: %d of %d%s" % (len(wanted & seen), len(wanted),
                                             ("; missing: " + " ".join(missing)) if missing else ""))


def regen_fixtures():
    names = sorted(f for f in os.listdir(FIXTURES) if f.endswith(".py"))
    changed = 0
    for f in names:
        path = os.path.join(FIXTURES, f)
        source, code = compile_file(path, f)
        base = path[:-3]
        changed += write_if_changed(base + ".pyc", pyc_bytes(code, source))
        changed += write_if_changed(base + ".dis", normalise(dis_text(code)))
        changed += write_if_changed(base + ".cop.dis", normalise(dis_text(code, ("-C", "-O", "-P"))))
        changed += write_if_changed(base + ".lines", lines_text(code))
        changed += write_if_changed(base + ".instrs", normalise(instrs_text(code)))
    report_coverage(names)
    total = sum(os.path.getsize(os.path.join(FIXTURES, f)) for f in os.listdir(FIXTURES))
    print("tests/bytecode: %d programs, %d files changed, %.1f kB in all" % (len(names), changed, total / 1e3))


def stdlib_files():
    lib = os.environ.get("TAIPAN_STDLIB") or os.path.join(ROOT, ".stdlib", "Lib")
    if not os.path.isfile(os.path.join(lib, "os.py")):
        subprocess.check_call([os.path.join(ROOT, "scripts", "fetch-stdlib.sh")])
    skip = {"pyodide", "_pyodide", "site-packages"}
    out = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        for f in sorted(filenames):
            if f.endswith(".py"):
                out.append(os.path.join(dirpath, f))
    return lib, sorted(out)


PYC_TOOL = os.path.join(ROOT, "target", "bytecode", "debug", "examples", "pyc_tool")


def rewrite_check(pyc, code):
    out = pyc + ".rewritten"
    p = subprocess.run([PYC_TOOL, "rewrite", pyc, out], capture_output=True)
    if p.returncode != 0:
        return "pyc_tool failed: " + p.stderr.decode("utf-8", "replace")
    with open(out, "rb") as f:
        data = f.read()
    if data[:16] != open(pyc, "rb").read()[:16]:
        return "header changed"
    try:
        again = marshal.loads(data[16:])
    except Exception as e:
        return "CPython cannot load it: %r" % e
    for a, b in zip(all_code(code), all_code(again)):
        if a != b or a.co_filename != b.co_filename or a.co_qualname != b.co_qualname:
            return "code object %s differs after the round trip" % a.co_qualname
    want, got = normalise(dis_text(code)), normalise(dis_text(again))
    if want != got:
        return "disassembly differs after the round trip"
    return None


def check_stdlib(tool, files, mode, flags=()):
    lib, all_files = stdlib_files()
    files = [os.path.abspath(f) for f in files] or all_files
    same = differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(files):
            name = os.path.relpath(path, lib) if path.startswith(lib) else path
            try:
                source, code = compile_file(path, name)
            except SyntaxError as e:
                print("skip %s: %s" % (name, e))
                continue
            pyc = os.path.join(tmp, "%d.pyc" % i)
            with open(pyc, "wb") as f:
                f.write(pyc_bytes(code, source))
            if mode == "rewrite":
                problem = rewrite_check(pyc, code)
                if problem:
                    differ += 1
                    print("--- %s: %s" % (name, problem))
                else:
                    same += 1
                continue
            if mode == "selfcheck":
                p = subprocess.run([PYC_TOOL, "selfcheck", pyc], capture_output=True)
                if p.returncode:
                    differ += 1
                    print("--- %s: %s" % (name, p.stdout.decode("utf-8", "replace").strip()))
                else:
                    same += 1
                continue
            want = normalise(dis_text(code, flags))
            p = subprocess.run(tool + list(flags) + [pyc], capture_output=True)
            got = normalise(p.stdout.decode("utf-8", "replace"))
            if p.returncode == 0 and got == want:
                same += 1
                continue
            differ += 1
            import difflib
            print("--- %s (status %d) %s" % (name, p.returncode, p.stderr.decode("utf-8", "replace").strip()))
            diff = list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), n=1))
            sys.stdout.writelines(diff[2:40])
    print("%d same, %d differ" % (same, differ))
    return 1 if differ else 0


def main():
    warnings.simplefilter("ignore")  # SyntaxWarnings of the fixtures are expected
    args = sys.argv[1:]
    tool = [os.path.join(ROOT, "target", "bytecode", "debug", "taipan-dev"), "dis-pyc"]
    files = []
    stdlib = False
    mode = "dis"
    flags = []
    while args:
        a = args.pop(0)
        if a == "--stdlib":
            stdlib = True
        elif a in DIS_FLAGS:
            flags.append(a)
        elif a in ("--rewrite", "--selfcheck"):
            mode = a[2:]
        elif a == "--tool":
            tool = shlex.split(args.pop(0))
        else:
            files.append(a)
    if stdlib or files:
        return check_stdlib(tool, files, mode, flags)
    regen_fixtures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
