# `python -m PKG` when importing the package raises: the program's own error and traceback are
# reported (not "No module named"); a missing module or submodule still says so.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "brokenpkg"))
    with open(os.path.join(d, "brokenpkg", "__init__.py"), "w") as f:
        f.write("raise ValueError('boom at import')\n")
    with open(os.path.join(d, "brokenpkg", "__main__.py"), "w") as f:
        f.write("print('never')\n")
    os.makedirs(os.path.join(d, "needsdep"))
    with open(os.path.join(d, "needsdep", "__init__.py"), "w") as f:
        f.write("import no_such_dependency_xyz\n")
    with open(os.path.join(d, "needsdep", "__main__.py"), "w") as f:
        f.write("print('never')\n")
    os.makedirs(os.path.join(d, "okpkg"))
    open(os.path.join(d, "okpkg", "__init__.py"), "w").close()
    with open(os.path.join(d, "okpkg", "__main__.py"), "w") as f:
        f.write("print('okpkg main', __name__)\n")
    for mod in ("brokenpkg", "needsdep", "okpkg", "nosuchpkg_xyz", "okpkg.missing"):
        p = subprocess.run([sys.executable, "-m", mod], cwd=d, capture_output=True, text=True)
        lines = p.stderr.strip().splitlines()
        print(mod, p.returncode, p.stdout.strip() or "-", lines[-1].replace(sys.executable, "PY") if lines else "-")
        print("  traceback shown:", any(l.startswith("Traceback") for l in lines))
