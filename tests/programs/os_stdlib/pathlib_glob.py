# pathlib, glob and fnmatch on a temporary tree.
import fnmatch
import glob
import os
import tempfile
from pathlib import Path, PurePosixPath

p = PurePosixPath('/usr/lib/python3.14/os.py')
print(p.name, p.stem, p.suffix, p.parent, p.parts, p.with_suffix('.pyc'), p.relative_to('/usr'))
print(PurePosixPath('a') / 'b' / 'c.txt', PurePosixPath('a/b').joinpath('c'), p.match('*.py'))
print(fnmatch.fnmatch('file.py', '*.py'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'))
print(fnmatch.translate('*.p?'), fnmatch.fnmatchcase('A.PY', '*.py'))
with tempfile.TemporaryDirectory() as d:
    root = Path(d)
    (root / 'pkg' / 'sub').mkdir(parents=True)
    (root / 'pkg' / '__init__.py').write_text('# init\n')
    (root / 'pkg' / 'mod.py').write_text('x = 1\n')
    (root / 'pkg' / 'sub' / 'data.txt').write_bytes(b'data')
    print((root / 'pkg' / 'mod.py').read_text(), (root / 'pkg').is_dir(), (root / 'nope').exists())
    print(sorted(q.name for q in (root / 'pkg').iterdir()))
    print(sorted(str(q.relative_to(root)) for q in root.rglob('*.py')))
    print(sorted(str(q.relative_to(root)) for q in root.glob('pkg/*')))
    print(sorted(os.path.relpath(x, d) for x in glob.glob(os.path.join(d, 'pkg', '*.py'))))
    print(sorted(os.path.relpath(x, d) for x in glob.glob(os.path.join(d, '**'), recursive=True)))
    f = root / 'pkg' / 'mod.py'
    print(f.stat().st_size, f.suffix, f.with_name('other.py').name, f.exists(), f.is_file())
    f.rename(root / 'pkg' / 'renamed.py')
    print(sorted(q.name for q in (root / 'pkg').iterdir()))
    (root / 'pkg' / 'renamed.py').unlink()
    print(Path('relative/x').is_absolute(), root.is_absolute(), Path.cwd().is_absolute())
    for dirpath, dirnames, filenames in (root / 'pkg').walk():
        dirnames.sort()
        print(dirpath.relative_to(root), dirnames, sorted(filenames))
