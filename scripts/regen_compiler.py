"""Regenerate the compiler's expected outputs from the oracle, CPython 3.14.

Run:  ../shared/tools/cpython3.14 scripts/regen_compiler.py [AREA ...]
(scripts/regen-expected.sh runs it after scripts/regen_expected.py). AREAs: symtable,
stdlib-symtable, dis, stdlib-dis; default all.

- tests/compiler/symtable/NAME.py -> NAME.out: the symbol table CPython builds for the file
  (`_symtable.symtable`): each scope as `type name lineno [nested]`, its symbols sorted by name
  with their raw flags (scope in bits 12 and up), its parameters, then its children, indented;
  or the SyntaxError it raises, as `KIND: MSG (lineno, offset, end_lineno, end_offset)`.
- tests/compiler/stdlib_symtable.sha256: the sha256 of that text for each stdlib file.
- tests/compiler/dis/NAME.py -> NAME.out: what `python -m dis NAME.py` prints (run from that
  folder, so code objects name the file `NAME.py`), normalised as /work/shared/tools/pydiff.py
  does (code-object addresses dropped, frozenset elements sorted); or the SyntaxError, as
  `KIND: MSG (lineno, offset, end_lineno, end_offset)`.
- tests/compiler/stdlib_dis.sha256: the sha256 of that normalised text for each stdlib file
  (compiled under its path relative to Lib/). With TAIPAN_DIS_DUMP=DIR set, the texts are also
  written under DIR for debugging.
- tests/compiler/errors/NAME.py -> NAME.out (area errors): the error `compile(source, NAME.py,
  "exec")` raises, as `KIND: MSG (lineno, offset, end_lineno, end_offset)`, or `ok`.
- tests/compiler/warnings/NAME.py -> NAME.out (area warnings): each warning `compile()` emits,
  as `CATEGORY: MESSAGE (lineno)`, then `ok` or the error as in the errors area.
- tests/compiler/dis/NAME.code (area codeobj): every attribute of every code object the
  program compiles to, which `dis` does not show (stack size, flags, co_code bytes, constants,
  names, variables, location and exception tables), and NAME.marshal: `marshal.dumps` of the
  module code object, which also carries what Python cannot show (`co_localspluskinds`);
  tests/compiler/stdlib_codeobj.sha256 (area stdlib-codeobj): the sha256 of the dump for each
  stdlib file.
"""
import _symtable
import dis
import hashlib
import io
import marshal
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regen_expected import py_files, stdlib_files, stdlib_root  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests", "compiler")
TYPE_NAMES = {0: "function", 1: "class", 2: "module", 3: "annotation", 4: "type alias",
              5: "type parameters", 6: "type variable"}


def symtable_dump(source, name):
    try:
        top = _symtable.symtable(source, name, "exec")
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except RecursionError:
        return "RecursionError: maximum recursion depth exceeded during compilation\n"
    out = []

    def walk(ste, depth):
        pad = "  " * depth
        out.append("%s%s %s %d%s" % (pad, TYPE_NAMES[ste.type], ste.name, ste.lineno,
                                     " nested" if ste.nested else ""))
        for n in sorted(ste.symbols):
            out.append("%s  %s %d" % (pad, n, ste.symbols[n]))
        if ste.varnames:
            out.append("%s  varnames: %s" % (pad, " ".join(ste.varnames)))
        for c in ste.children:
            walk(c, depth + 1)

    walk(top, 0)
    return "\n".join(out) + "\n"


def regen_symtable():
    folder = os.path.join(TESTS, "symtable")
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            out = symtable_dump(fh.read(), f)
        target = path[:-3] + ".out"
        if not os.path.exists(target) or open(target).read() != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("tests/compiler/symtable: %d files, %d changed" % (len(py_files(folder)), changed))


def regen_stdlib_symtable():
    lib = stdlib_root()
    lines = []
    for rel in stdlib_files(lib):
        with open(os.path.join(lib, rel), "rb") as fh:
            text = symtable_dump(fh.read(), rel)
        lines.append("%s  %s\n" % (hashlib.sha256(text.encode("utf-8")).hexdigest(), rel))
    with open(os.path.join(TESTS, "stdlib_symtable.sha256"), "w") as fh:
        fh.writelines(lines)
    print("tests/compiler/stdlib_symtable.sha256: %d files" % len(lines))


def _sorted_set(m):
    items, depth, cur, quote = [], 0, "", None
    for ch in m.group(1):
        if quote:
            cur += ch
            quote = None if ch == quote else quote
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


def normalise_dis(text):
    """The normalisation of /work/shared/tools/pydiff.py --dis."""
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x", text)
    return re.sub(r"frozenset\(\{(.*?)\}\)", _sorted_set, text)


def compile_args(name):
    """A corpus program's name selects how it is compiled: `eval_*` and `single_*` in those
    modes, `opt1_*`/`opt2_*` with optimize=1/2, `toplevelawait_*` with
    PyCF_ALLOW_TOP_LEVEL_AWAIT; anything else as `python -m dis` does."""
    mode = "eval" if name.startswith("eval_") else "single" if name.startswith("single_") else "exec"
    optimize = 1 if name.startswith("opt1_") else 2 if name.startswith("opt2_") else -1
    return mode, optimize


def compile_flags(name):
    import ast
    return ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if name.startswith("toplevelawait_") else 0


def dis_text(source, name):
    """What `python -m dis NAME` prints for SOURCE, normalised; or the error."""
    mode, optimize = compile_args(os.path.basename(name))
    try:
        code = compile(source, name, mode, compile_flags(os.path.basename(name)),
                       optimize=optimize)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except RecursionError:
        return "RecursionError: maximum recursion depth exceeded during compilation\n"
    out = io.StringIO()
    dis.dis(code, file=out)
    return normalise_dis(out.getvalue())


def code_dump(code):
    """A text dump of a code object and, depth first, the code objects among its constants."""
    out = []

    def const_repr(c):
        if isinstance(c, type(code)):
            return "<code %s>" % c.co_qualname
        if isinstance(c, frozenset):
            return "frozenset({%s})" % ", ".join(sorted(const_repr(x) for x in c))
        if isinstance(c, tuple):
            items = [const_repr(x) for x in c]
            return "(%s)" % (items[0] + "," if len(items) == 1 else ", ".join(items))
        return repr(c)

    def walk(co):
        out.append("code %s (%s) line %d" % (co.co_qualname, co.co_name, co.co_firstlineno))
        out.append("  args %d/%d/%d nlocals %d stacksize %d flags %#x" % (
            co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
            co.co_stacksize, co.co_flags))
        out.append("  code %s" % co.co_code.hex())
        out.append("  consts %s" % ", ".join(const_repr(c) for c in co.co_consts))
        out.append("  names %s" % " ".join(co.co_names))
        out.append("  varnames %s" % " ".join(co.co_varnames))
        out.append("  cellvars %s" % " ".join(co.co_cellvars))
        out.append("  freevars %s" % " ".join(co.co_freevars))
        out.append("  linetable %s" % co.co_linetable.hex())
        out.append("  exceptiontable %s" % co.co_exceptiontable.hex())
        for c in co.co_consts:
            if isinstance(c, type(code)):
                walk(c)

    walk(code)
    return "\n".join(out) + "\n"


def codeobj_text(source, name):
    mode, optimize = compile_args(os.path.basename(name))
    try:
        code = compile(source, name, mode, compile_flags(os.path.basename(name)),
                       optimize=optimize)
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except RecursionError:
        return "RecursionError: maximum recursion depth exceeded during compilation\n"
    return code_dump(code)


def regen_codeobj():
    folder = os.path.join(TESTS, "dis")
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            out = codeobj_text(fh.read(), f)
        target = path[:-3] + ".code"
        if not os.path.exists(target) or open(target).read() != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
        with open(path, "rb") as fh:
            source = fh.read()
        mode, optimize = compile_args(f)
        try:
            data = marshal.dumps(compile(source, f, mode, compile_flags(f), optimize=optimize))
        except (SyntaxError, RecursionError):
            data = None
        target = path[:-3] + ".marshal"
        if data is None:
            if os.path.exists(target):
                os.remove(target)
        elif not os.path.exists(target) or open(target, "rb").read() != data:
            with open(target, "wb") as fh:
                fh.write(data)
    print("tests/compiler/dis (*.code): %d files, %d changed" % (len(py_files(folder)), changed))


def regen_stdlib_codeobj():
    lib = stdlib_root()
    dump = os.environ.get("TAIPAN_DIS_DUMP")
    lines = []
    for rel in stdlib_files(lib):
        with open(os.path.join(lib, rel), "rb") as fh:
            text = codeobj_text(fh.read(), rel)
        if dump:
            target = os.path.join(dump, rel + ".code")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as fh:
                fh.write(text)
        lines.append("%s  %s\n" % (hashlib.sha256(text.encode("utf-8")).hexdigest(), rel))
    with open(os.path.join(TESTS, "stdlib_codeobj.sha256"), "w") as fh:
        fh.writelines(lines)
    print("tests/compiler/stdlib_codeobj.sha256: %d files" % len(lines))


def error_text(source, name):
    try:
        compile(source, name, "exec")
    except SyntaxError as e:
        return "%s: %s (%s, %s, %s, %s)\n" % (
            type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except RecursionError:
        return "RecursionError: maximum recursion depth exceeded during compilation\n"
    return "ok\n"


def warnings_text(source, name):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = error_text(source, name)
    lines = ["%s: %s (%s)\n" % (w.category.__name__, w.message, w.lineno) for w in caught]
    return "".join(lines) + result


def regen_warnings():
    folder = os.path.join(TESTS, "warnings")
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            out = warnings_text(fh.read(), f)
        target = path[:-3] + ".out"
        if not os.path.exists(target) or open(target).read() != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("tests/compiler/warnings: %d files, %d changed" % (len(py_files(folder)), changed))


def regen_errors():
    folder = os.path.join(TESTS, "errors")
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            out = error_text(fh.read(), f)
        target = path[:-3] + ".out"
        if not os.path.exists(target) or open(target).read() != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("tests/compiler/errors: %d files, %d changed" % (len(py_files(folder)), changed))


def regen_dis():
    folder = os.path.join(TESTS, "dis")
    changed = 0
    for f in py_files(folder):
        path = os.path.join(folder, f)
        with open(path, "rb") as fh:
            out = dis_text(fh.read(), f)
        target = path[:-3] + ".out"
        if not os.path.exists(target) or open(target).read() != out:
            with open(target, "w") as fh:
                fh.write(out)
            changed += 1
    print("tests/compiler/dis: %d files, %d changed" % (len(py_files(folder)), changed))


def regen_stdlib_dis():
    lib = stdlib_root()
    dump = os.environ.get("TAIPAN_DIS_DUMP")
    lines = []
    for rel in stdlib_files(lib):
        with open(os.path.join(lib, rel), "rb") as fh:
            text = dis_text(fh.read(), rel)
        if dump:
            target = os.path.join(dump, rel + ".dis")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as fh:
                fh.write(text)
        lines.append("%s  %s\n" % (hashlib.sha256(text.encode("utf-8")).hexdigest(), rel))
    with open(os.path.join(TESTS, "stdlib_dis.sha256"), "w") as fh:
        fh.writelines(lines)
    print("tests/compiler/stdlib_dis.sha256: %d files" % len(lines))


def main():
    for area in sys.argv[1:] or ["symtable", "stdlib-symtable", "dis", "stdlib-dis", "codeobj",
                                 "stdlib-codeobj", "errors", "warnings"]:
        if area == "symtable":
            regen_symtable()
        elif area == "stdlib-symtable":
            regen_stdlib_symtable()
        elif area == "dis":
            regen_dis()
        elif area == "stdlib-dis":
            regen_stdlib_dis()
        elif area == "errors":
            regen_errors()
        elif area == "warnings":
            regen_warnings()
        elif area == "codeobj":
            regen_codeobj()
        elif area == "stdlib-codeobj":
            regen_stdlib_codeobj()
        else:
            sys.exit("unknown area %r" % area)


if __name__ == "__main__":
    main()
