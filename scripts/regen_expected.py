"""Regenerate every expected output under tests/ from the oracle, CPython 3.14.

Run:  ../shared/tools/cpython3.14 scripts/regen_expected.py [AREA ...]
(or scripts/regen-expected.sh, which finds the oracle). AREAs: parser-ast, parser-errors,
parser-report, compiler-codeop, stdlib-ast, tokenizer, stdlib-tokens, programs; default all.

- tests/parser/ast/NAME.py     -> NAME.out: `python -m ast -a NAME.py` (its stdout).
- tests/parser/errors/NAME.py  -> NAME.out: the SyntaxError `ast.parse` raises for the file's
  bytes, as one line `KIND: MSG (lineno, offset, end_lineno, end_offset)`; `OK` if it parses.
- tests/parser/report/NAME.py  -> NAME.stderr: what `python NAME.py` prints (run from inside that
  folder; the oracle names the script by its absolute path, which is cut back to `NAME.py`);
  NAME.out: the SyntaxError of that run in the parser-errors format (a file is read by another
  tokenizer than `ast.parse`'s, which for one places errors at EOF at offset 0); and, when the message is one `traceback` tries keyword-typo
  suggestions for, NAME.typo: `line N` (the parser's last-statement line, SyntaxError._metadata)
  and one `accept CODE` or `reject CODE` per candidate `codeop.compile_command` accepted or
  rejected during that search, in order (CODE with backslash, newline, carriage return escaped
  as \\, \n, \r).
- tests/tokenizer/NAME.py       -> NAME.out: what `python -m tokenize NAME.py` prints (stdout, then
  stderr: a tokenizer error is one `NAME.py:LINE:COL: error: MSG` line), run inside that folder.
- tests/tokenizer/errors/NAME.py -> NAME.out: as tests/parser/errors (files whose only error is a
  tokenizer or source-decoding error, so the parser-mode tokenizer alone must reproduce it).
- tests/tokenizer/stdlib_tokens.fnv: per stdlib file, the 64-bit FNV-1a hash (hex) of its
  `python -m tokenize` listing.
- tests/programs/AREA/NAME.py -> NAME.stdout, NAME.stderr, NAME.status: a run of the program
  (see regen_programs and tests/programs/README.md).
- tests/compiler/codeop/cases.txt -> cases.out: `codeop.compile_command(CODE, symbol="exec")`'s
  verdict per snippet; command_cases.txt -> command_cases.out: `python -c CODE`'s stderr per
  snippet (see regen_codeop).
- tests/parser/stdlib_ast.sha256: per stdlib file, the sha256 of its `-m ast -a` dump
  (`../shared/tools/pydiff --ast FILE` shows where a file differs).
"""
import ast
import codeop
import hashlib
import os
import subprocess
import sys
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")


def ast_dump(source, name):
    tree = ast.parse(source, name, "exec", type_comments=True)
    return ast.dump(tree, include_attributes=True, indent=3) + "\n"


def error_line(source, name):
    try:
        ast.parse(source, name, "exec")
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    return "OK\n"


def py_files(folder):
    return sorted(f for f in os.listdir(folder) if f.endswith(".py"))


def regen_folder(folder, fn):
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            source = fh.read()
        try:
            out = fn(source, f)
        except SyntaxError as e:
            out = "ERROR %s: %s\n" % (type(e).__name__, e)
        target = path[:-3] + ".out"
        old = open(target).read() if os.path.exists(target) else None
        if old != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("%s: %d files, %d changed" % (os.path.relpath(folder, ROOT), len(py_files(folder)), changed))


def escape_line(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def typo_search(path, source):
    """What traceback's keyword-typo search for the file's SyntaxError sees and accepts, with the
    report it leads to, or None when it does not search (another message, or no error)."""
    try:
        compile(source, path, "exec", flags=ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        err = e
    else:
        return None
    if err.msg != "invalid syntax" and "Perhaps you forgot a comma" not in err.msg:
        return None
    metadata = getattr(err, "_metadata", None)
    if not metadata:
        return None
    line, offset, _ = metadata
    # As when running the file: no source in the metadata, so traceback reads the file.
    err._metadata = (line, offset, None)
    tried = []
    real = codeop.compile_command

    def spy(code, *args, **kwargs):
        try:
            result = real(code, *args, **kwargs)
        except SyntaxError:
            tried.append("reject %s\n" % escape_line(code))
            raise
        tried.append("accept %s\n" % escape_line(code))
        return result

    codeop.compile_command = spy
    try:
        report = "".join(traceback.format_exception_only(err))
    finally:
        codeop.compile_command = real
    typo = "line %d\n" % line + "".join(tried)
    return typo, report


def write_if_changed(target, text):
    old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
    if old != text:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text)
        return 1
    return 0


# Installed as sitecustomize to see the SyntaxError a run of a file raises.
ERROR_HOOK = """
import os, sys
def _hook(kind, e, tb):
    if issubclass(kind, SyntaxError):
        with open(os.environ["TAIPAN_ERROR_OUT"], "w", encoding="utf-8") as fh:
            fh.write("%s: %s (%s, %s, %s, %s)\\n" % (
                kind.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
sys.excepthook = _hook
"""


def run_error_line(folder, f, hook_dir):
    """The SyntaxError `python f` raises, as one line, or OK."""
    target = os.path.join(hook_dir, "error.out")
    if os.path.exists(target):
        os.remove(target)
    env = dict(os.environ, PYTHONPATH=hook_dir, TAIPAN_ERROR_OUT=target)
    subprocess.run([sys.executable, f], cwd=folder, capture_output=True, env=env)
    if not os.path.exists(target):
        return "OK\n"
    with open(target, encoding="utf-8") as fh:
        return fh.read()


def regen_report(folder):
    import tempfile

    changed = 0
    hook_dir = tempfile.mkdtemp()
    with open(os.path.join(hook_dir, "sitecustomize.py"), "w") as fh:
        fh.write(ERROR_HOOK)
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            source = fh.read()
        proc = subprocess.run([sys.executable, f], cwd=folder, capture_output=True)
        stderr = proc.stderr.decode("utf-8", "replace").replace(path, f)
        changed += write_if_changed(path[:-3] + ".stderr", stderr)
        changed += write_if_changed(path[:-3] + ".out", run_error_line(folder, f, hook_dir))
        typo = typo_search(path, source)
        typo_path = path[:-3] + ".typo"
        if typo is not None:
            typo, report = typo
            if report.replace(path, f) != stderr:
                print("warning: %s: the in-process typo search does not reproduce the run" % f)
        if typo is None:
            if os.path.exists(typo_path):
                os.remove(typo_path)
                changed += 1
        else:
            changed += write_if_changed(typo_path, typo)
    print("%s: %d files, %d outputs changed" % (os.path.relpath(folder, ROOT), len(py_files(folder)), changed))


def unescape_line(text):
    out, it = [], iter(text)
    for ch in it:
        if ch == "\\":
            nxt = next(it, "\\")
            out.append({"n": "\n", "r": "\r", "t": "\t"}.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)


def regen_codeop():
    """tests/compiler/codeop/cases.txt (one snippet a line, escaped as in NAME.typo, plus \\t for
    a tab) -> cases.out: `accept CODE` or `reject CODE`, what traceback's keyword-typo search gets
    from `codeop.compile_command(CODE, symbol="exec", flags=PyCF_ONLY_AST)`."""
    import warnings

    folder = os.path.join(TESTS, "compiler", "codeop")
    with open(os.path.join(folder, "cases.txt"), encoding="utf-8") as fh:
        cases = fh.read().splitlines()
    out = []
    for case in cases:
        code = unescape_line(case)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                codeop.compile_command(code, symbol="exec", flags=codeop.PyCF_ONLY_AST)
                verdict = "accept"
            except SyntaxError:
                verdict = "reject"
        out.append("%s %s\n" % (verdict, case))
    changed = write_if_changed(os.path.join(folder, "cases.out"), "".join(out))
    # command_cases.txt (same escaping) -> command_cases.out: per snippet a line `=== CODE`, then
    # what `python -c CODE` prints on stderr (its syntax-error report, typo search included).
    with open(os.path.join(folder, "command_cases.txt"), encoding="utf-8") as fh:
        commands = fh.read().splitlines()
    out = []
    for case in commands:
        proc = subprocess.run([sys.executable, "-c", unescape_line(case)], capture_output=True)
        out.append("=== %s\n%s" % (case, proc.stderr.decode("utf-8", "replace")))
    changed += write_if_changed(os.path.join(folder, "command_cases.out"), "".join(out))
    print("tests/compiler/codeop: %d cases, %d commands, %d outputs changed"
          % (len(cases), len(commands), changed))


def stdlib_root():
    lib = os.environ.get("TAIPAN_STDLIB") or os.path.join(ROOT, ".stdlib", "Lib")
    if not os.path.isfile(os.path.join(lib, "os.py")):
        subprocess.check_call([os.path.join(ROOT, "scripts", "fetch-stdlib.sh")])
    return lib


def stdlib_files(lib):
    skip = {"pyodide", "_pyodide", "site-packages"}
    out = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        for f in sorted(filenames):
            if f.endswith(".py"):
                out.append(os.path.relpath(os.path.join(dirpath, f), lib))
    return sorted(out)


def regen_stdlib():
    lib = stdlib_root()
    lines = []
    for rel in stdlib_files(lib):
        with open(os.path.join(lib, rel), "rb") as fh:
            text = ast_dump(fh.read(), rel)
        lines.append("%s  %s\n" % (hashlib.sha256(text.encode("utf-8")).hexdigest(), rel))
    with open(os.path.join(TESTS, "parser", "stdlib_ast.sha256"), "w") as fh:
        fh.writelines(lines)
    print("tests/parser/stdlib_ast.sha256: %d files" % len(lines))


def tokenize_listing(folder, name):
    p = subprocess.run([sys.executable, "-m", "tokenize", name], cwd=folder, capture_output=True,
                       text=True)
    return p.stdout + p.stderr


def regen_tokenizer():
    folder = os.path.join(TESTS, "tokenizer")
    changed = 0
    files = py_files(folder)
    for f in files:
        out = tokenize_listing(folder, f)
        target = os.path.join(folder, f[:-3] + ".out")
        old = open(target).read() if os.path.exists(target) else None
        if old != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("tests/tokenizer: %d files, %d changed" % (len(files), changed))
    regen_folder(os.path.join(folder, "errors"), error_line)


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return h


def regen_stdlib_tokens():
    import contextlib
    import io
    import tokenize
    lib = stdlib_root()
    lines = []
    for rel in stdlib_files(lib):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                tokenize._main([os.path.join(lib, rel)])
            except SystemExit:
                pass
        text = out.getvalue() + err.getvalue()
        lines.append("%016x  %s\n" % (fnv1a64(text.encode("utf-8")), rel))
    with open(os.path.join(TESTS, "tokenizer", "stdlib_tokens.fnv"), "w") as fh:
        fh.writelines(lines)
    print("tests/tokenizer/stdlib_tokens.fnv: %d files" % len(lines))


# --- area "programs": tests/programs/AREA/NAME.py -> NAME.stdout, NAME.stderr, NAME.status --------
# Each program runs from inside its area folder under a relative name, with stdin from NAME.stdin
# (empty when there is none) and a
# fixed environment (scripts/run-programs.sh runs Taipan the same way). The oracle names the main
# script by its absolute path; the folder prefix is cut so tracebacks say `File "NAME.py"`.
# Files whose name starts with `_` are helper modules, not programs. A program may write to
# stderr or exit non-zero only if its source says `# expect-stderr`; otherwise it is reported.

def programs_env():
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "TMPDIR")}
    env.update(PYTHONHASHSEED="0", PYTHONNOUSERSITE="1", PYTHONIOENCODING="utf-8", PYTHONUTF8="1",
               PYTHONDONTWRITEBYTECODE="1", PYTHON_COLORS="0", NO_COLOR="1", LC_ALL="C.UTF-8")
    return env


def regen_programs(areas):
    import time
    base = os.path.join(TESTS, "programs")
    folders = areas or sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))
    env = programs_env()
    total = changed = 0
    for area in folders:
        folder = os.path.join(base, area)
        for f in py_files(folder):
            if f.startswith("_"):
                continue
            total += 1
            start = time.perf_counter()
            stdin_path = os.path.join(folder, f[:-3] + ".stdin")
            try:
                with open(stdin_path if os.path.exists(stdin_path) else os.devnull, "rb") as fin:
                    proc = subprocess.run([sys.executable, f], cwd=folder, env=env,
                                          capture_output=True, stdin=fin, timeout=30)
                stdout, stderr, status = proc.stdout, proc.stderr, proc.returncode
                if status < 0:  # killed by a signal: report it as a shell does (128 + N)
                    status = 128 - status
            except subprocess.TimeoutExpired:
                stdout, stderr, status = b"", b"timeout\n", -1
            took = time.perf_counter() - start
            prefix = (os.path.realpath(folder) + os.sep).encode()
            stdout, stderr = stdout.replace(prefix, b""), stderr.replace(prefix, b"")
            stem = os.path.join(folder, f[:-3])
            for ext, data in (("stdout", stdout), ("stderr", stderr), ("status", b"%d\n" % status)):
                target = "%s.%s" % (stem, ext)
                old = open(target, "rb").read() if os.path.exists(target) else None
                if old != data:
                    with open(target, "wb") as fh:
                        fh.write(data)
                    changed += 1
            with open(stem + ".py", "rb") as fh:
                expects_error = b"# expect-stderr" in fh.read()
            if (status != 0 or stderr) and not expects_error:
                print("warning: %s/%s: status %d, stderr %r" % (area, f, status, stderr[-200:]))
            if expects_error and status == 0 and not stderr:
                print("warning: %s/%s: marked expect-stderr but ran cleanly" % (area, f))
            if took > 0.5:
                print("warning: %s/%s: slow (%.2f s)" % (area, f, took))
    print("tests/programs: %d programs, %d outputs changed" % (total, changed))


def main():
    # Every expectation is the oracle's output, and each area runs sys.executable: refuse any
    # other interpreter (the machine's python3 is older and would quietly write other outputs).
    if sys.version_info[:2] != (3, 14):
        sys.exit("regen_expected.py must run under the oracle: "
                 "../shared/tools/cpython3.14 scripts/regen_expected.py [AREA ...]")
    if sys.argv[1:2] == ["programs"]:
        return regen_programs(sys.argv[2:])  # programs [AREA ...]: only those program areas
    areas = sys.argv[1:] or ["parser-ast", "parser-errors", "parser-report", "compiler-codeop",
                             "stdlib-ast",
                             "tokenizer", "stdlib-tokens", "programs"]
    for area in areas:
        if area == "parser-ast":
            regen_folder(os.path.join(TESTS, "parser", "ast"), ast_dump)
        elif area == "parser-errors":
            regen_folder(os.path.join(TESTS, "parser", "errors"), error_line)
        elif area == "parser-report":
            regen_report(os.path.join(TESTS, "parser", "report"))
        elif area == "compiler-codeop":
            regen_codeop()
        elif area == "stdlib-ast":
            regen_stdlib()
        elif area == "tokenizer":
            regen_tokenizer()
        elif area == "stdlib-tokens":
            regen_stdlib_tokens()
        elif area == "programs":
            regen_programs([])
        else:
            sys.exit("unknown area %r" % area)


if __name__ == "__main__":
    main()
