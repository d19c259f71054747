"""Regenerate the expected outputs of the command-line cases under tests/cli/ from the oracle.

Run:  ../shared/tools/cpython3.14 scripts/regen_cli.py

Each case is `tests/cli/NAME.args` (a JSON list of command-line arguments), with optional
`NAME.stdin` (fed to standard input; otherwise it is empty) and `NAME.env` (`KEY=VALUE` lines
added to the environment). The oracle runs `python ARGS...` in `tests/cli/data/`; its standard
output, standard error and exit status are written to `NAME.stdout`, `NAME.stderr` and
`NAME.status`. The interpreter's own path in the output is written as `{PROGRAM}` and the
absolute path of `tests/cli/data` as `{DATA}`, which the test runner
(`crates/taipan/tests/cli.rs`) writes the same way for Taipan's binary and checkout.
"""

import json
import os
import pathlib
import subprocess
import sys

if sys.version_info[:2] != (3, 14) or sys.implementation.name != "cpython":
    sys.exit("regen_cli.py must run under the oracle, CPython 3.14")

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "cli"


def environment(case):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env_file = case.with_suffix(".env")
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            if line.strip():
                key, _, value = line.partition("=")
                env[key] = value
    return env


def main():
    for case in sorted(ROOT.glob("*.args")):
        args = json.loads(case.read_text())
        stdin_file = case.with_suffix(".stdin")
        stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
        r = subprocess.run(
            [sys.executable, *args],
            input=stdin,
            capture_output=True,
            cwd=ROOT / "data",
            env=environment(case),
        )
        for suffix, data in ((".stdout", r.stdout), (".stderr", r.stderr)):
            text = data.decode("utf-8", "surrogateescape").replace(sys.executable, "{PROGRAM}")
            text = text.replace(str(ROOT / "data"), "{DATA}")
            case.with_suffix(suffix).write_text(text, "utf-8", "surrogateescape")
        case.with_suffix(".status").write_text(f"{r.returncode}\n")
    print(f"tests/cli: {len(list(ROOT.glob('*.args')))} cases")


main()
