"""Regenerate every expected output under tests/ from the oracle, CPython 3.14.

Run:  ../shared/tools/cpython3.14 scripts/regen_expected.py [AREA ...]
(or scripts/regen-expected.sh, which finds the oracle). AREAs: parser-ast, parser-errors,
stdlib-ast; default all.

- tests/parser/ast/NAME.py     -> NAME.out: `python -m ast -a NAME.py` (its stdout).
- tests/parser/errors/NAME.py  -> NAME.out: the SyntaxError `ast.parse` raises for the file's
  bytes, as one line `KIND: MSG (lineno, offset, end_lineno, end_offset)`; `OK` if it parses.
- tests/parser/stdlib_ast.sha256: per stdlib file, the sha256 of its `-m ast -a` dump
  (`../shared/tools/pydiff --ast FILE` shows where a file differs).
"""
import ast
import hashlib
import os
import subprocess
import sys

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


def main():
    areas = sys.argv[1:] or ["parser-ast", "parser-errors", "stdlib-ast"]
    for area in areas:
        if area == "parser-ast":
            regen_folder(os.path.join(TESTS, "parser", "ast"), ast_dump)
        elif area == "parser-errors":
            regen_folder(os.path.join(TESTS, "parser", "errors"), error_line)
        elif area == "stdlib-ast":
            regen_stdlib()
        else:
            sys.exit("unknown area %r" % area)


if __name__ == "__main__":
    main()
