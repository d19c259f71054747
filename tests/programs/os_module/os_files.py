# Files and directories in a temporary directory: create, stat, list, walk, rename, remove,
# links, permissions and times, and the errors (their types, errno and file names).
import os
import stat
import tempfile

base = tempfile.mkdtemp()
old_cwd = os.getcwd()
os.chdir(base)
try:
    print(os.getcwd() == os.path.realpath(base), os.listdir('.'))
    os.mkdir('d')
    os.makedirs('d/e/f')
    os.makedirs('d/e/f', exist_ok=True)
    with open('d/a.txt', 'w') as f:
        f.write('hello\n')
    with open('d/e/b.bin', 'wb') as f:
        f.write(bytes(range(10)))
    print(sorted(os.listdir('d')), sorted(os.listdir(b'd')))
    st = os.stat('d/a.txt')
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat('d').st_mode))
    print(type(st).__name__, len(st), st[6], isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int))
    print(os.path.exists('d/a.txt'), os.path.isfile('d/a.txt'), os.path.isdir('d'), os.path.exists('nope'))
    print(os.path.getsize('d/e/b.bin'), os.path.islink('d'), os.path.lexists('d'))
    for root, dirs, files in os.walk('d'):
        dirs.sort()
        print(root, dirs, sorted(files))
    for root, dirs, files in os.walk('d', topdown=False):
        print('up', root, sorted(dirs), sorted(files))
    with os.scandir('d') as it:
        for e in sorted(it, key=lambda e: e.name):
            print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else '-', os.fspath(e))
    print(sorted(e.name for e in os.scandir()))
    os.rename('d/a.txt', 'd/a2.txt')
    os.replace('d/a2.txt', 'd/a3.txt')
    print(sorted(os.listdir('d')))
    os.symlink('a3.txt', 'd/link')
    print(os.readlink('d/link'), os.path.islink('d/link'), os.path.realpath('d/link') == os.path.realpath('d/a3.txt'))
    print(os.lstat('d/link').st_size, stat.S_ISLNK(os.lstat('d/link').st_mode), os.stat('d/link').st_size)
    os.link('d/a3.txt', 'd/hard')
    print(os.stat('d/hard').st_nlink, os.path.samefile('d/hard', 'd/a3.txt'))
    os.chmod('d/a3.txt', 0o600)
    print(oct(stat.S_IMODE(os.stat('d/a3.txt').st_mode)))
    print(os.access('d/a3.txt', os.R_OK), os.access('nope', os.F_OK))
    os.utime('d/a3.txt', (1000000000, 1500000000))
    st = os.stat('d/a3.txt')
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, os.path.getmtime('d/a3.txt'))
    os.utime('d/a3.txt', ns=(5, 1_600_000_000_123_456_789))
    print(os.stat('d/a3.txt').st_mtime_ns)
    os.truncate('d/a3.txt', 2)
    print(open('d/a3.txt').read() == 'he')
    for call in (lambda: os.stat('nope'), lambda: os.mkdir('d'), lambda: os.rmdir('d'),
                 lambda: os.remove('d'), lambda: os.listdir('d/a3.txt'), lambda: os.rename('nope', 'x'),
                 lambda: os.chdir('nope'), lambda: os.readlink('d/a3.txt'), lambda: os.unlink(b'nope'),
                 lambda: os.makedirs('d/e'), lambda: open('nope/x', 'w')):
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename and os.path.basename(e.filename),
                  e.filename2, str(e).startswith('[Errno'))
    os.remove('d/link')
    os.unlink('d/hard')
    os.remove('d/a3.txt')
    os.remove('d/e/b.bin')
    os.removedirs('d/e/f')
    print(os.listdir('.'))
finally:
    os.chdir(old_cwd)
    import shutil
    shutil.rmtree(base)
print(os.path.exists(base))
