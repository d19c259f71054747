# dir_fd and descriptor forms (fwalk, listdir/scandir on a descriptor), bytes walks, symlink loops,
# DirEntry on a dangling loop.
import os, tempfile, shutil, stat
d = tempfile.mkdtemp()
try:
    os.makedirs(os.path.join(d, 'a', 'b'))
    open(os.path.join(d, 'a', 'f.txt'), 'w').close()
    for root, dirs, files, rootfd in os.fwalk(d):
        print(os.path.relpath(root, d), sorted(dirs), sorted(files), type(rootfd).__name__)
    fd = os.open(d, os.O_RDONLY)
    print(sorted(os.listdir(fd)))
    print(stat.S_ISDIR(os.stat('a', dir_fd=fd).st_mode))
    os.mkdir('c', dir_fd=fd)
    os.rename('c', 'c2', src_dir_fd=fd, dst_dir_fd=fd)
    os.rmdir('c2', dir_fd=fd)
    print(sorted(e.name for e in os.scandir(fd)))
    os.close(fd)
    for root, dirs, files in os.walk(d.encode()):
        print(type(root).__name__, sorted(dirs), sorted(files))
    print(os.path.realpath(os.path.join(d, 'a', '..', 'a')) == os.path.realpath(os.path.join(d, 'a')))
    os.symlink('loop', os.path.join(d, 'loop'))
    try:
        os.stat(os.path.join(d, 'loop'))
    except OSError as e:
        print(type(e).__name__, e.errno)
    print(os.path.exists(os.path.join(d, 'loop')), os.path.lexists(os.path.join(d, 'loop')))
    e = [x for x in os.scandir(d) if x.name == 'loop'][0]
    print(e.is_symlink(), e.is_junction())
    try:
        e.stat()
    except OSError as ex:
        print(type(ex).__name__, ex.errno)
    print(os.DirEntry[int], type(os.scandir(d)).__name__)
    try: e.name = 'x'
    except AttributeError as ex: print('AttributeError')
    print(os.stat(d).st_mode == os.stat(d, follow_symlinks=False).st_mode)
    print(os.access(d, os.W_OK, effective_ids=True))
finally:
    shutil.rmtree(d)
import posix
print(os.get_exec_path()[:0], os.getenv('HOME') is not None)
print(os.path.expanduser('~') == os.environ['HOME'])
print(os.cpu_count() == os.process_cpu_count())
print(repr(os.environ)[:9], list(os.environ.keys()) == list(os.environ))
