# tempfile and shutil: temporary files and directories, copying, moving, removing trees.
import os
import shutil
import tempfile

with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d), os.listdir(d))
    p = os.path.join(d, 'src.txt')
    with open(p, 'w') as f:
        f.write('content\n' * 3)
    shutil.copyfile(p, os.path.join(d, 'copy.txt'))
    shutil.copy(p, os.path.join(d, 'copy2.txt'))
    shutil.copy2(p, os.path.join(d, 'copy3.txt'))
    print(sorted(os.listdir(d)), open(os.path.join(d, 'copy3.txt')).read().count('content'))
    os.makedirs(os.path.join(d, 'tree', 'sub'))
    with open(os.path.join(d, 'tree', 'sub', 'leaf'), 'w') as f:
        f.write('leaf')
    shutil.copytree(os.path.join(d, 'tree'), os.path.join(d, 'tree2'))
    print(sorted(os.listdir(os.path.join(d, 'tree2', 'sub'))))
    shutil.move(os.path.join(d, 'tree2'), os.path.join(d, 'moved'))
    print(sorted(os.listdir(d)))
    shutil.rmtree(os.path.join(d, 'moved'))
    print(os.path.exists(os.path.join(d, 'moved')), shutil.disk_usage(d).total > 0 if hasattr(os, 'statvfs') else True)
    with tempfile.NamedTemporaryFile('w+', dir=d, suffix='.log', delete=False) as tf:
        tf.write('named')
        name = tf.name
    print(name.endswith('.log'), os.path.dirname(name) == d, open(name).read())
    with tempfile.TemporaryFile() as tf:
        tf.write(b'anon')
        tf.seek(0)
        print(tf.read())
    fd, path = tempfile.mkstemp(prefix='pre', dir=d)
    os.write(fd, b'x')
    os.close(fd)
    print(os.path.basename(path).startswith('pre'), os.path.getsize(path))
    with tempfile.SpooledTemporaryFile(max_size=10) as sf:
        sf.write(b'12345')
        print(sf._rolled)
        sf.write(b'1234567890')
        print(sf._rolled)
    try:
        shutil.rmtree(os.path.join(d, 'nope'))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
print(os.path.exists(d), tempfile.gettempdir() == tempfile.gettempdir())
print(shutil.which('definitely-not-a-command-xyz'))
