# os.environ / os.environb / getenv / putenv / unsetenv, restoring what it changes.
import os

KEY = 'TAIPAN_TEST_VAR_XYZ'
print(KEY in os.environ, os.getenv(KEY), os.getenv(KEY, 'dflt'), os.environ.get(KEY))
os.environ[KEY] = 'value 1'
print(os.environ[KEY], os.getenv(KEY), os.environb[KEY.encode()], KEY in os.environ)
os.environ[KEY] = 'caf\xe9'
print(os.environb[KEY.encode()], os.environ[KEY])
print(os.environ.setdefault(KEY, 'other'), os.environ.pop(KEY), KEY in os.environ)
try:
    os.environ[KEY]
except KeyError as e:
    print('KeyError', e)
try:
    del os.environ[KEY]
except KeyError as e:
    print('KeyError', e)
for k, v in ((1, 'x'), ('x', 2)):
    try:
        os.environ[k] = v
    except TypeError as e:
        print('TypeError', e)
for args in (('', 'x'), ('a=b', 'x'), ('a\0', 'x'), ('x', 'a\0')):
    try:
        os.putenv(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for name in ('', 'a=b'):
    try:
        os.unsetenv(name)
    except OSError as e:
        print(type(e).__name__, e)
os.environb[b'TAIPAN_B'] = b'bytes'
print(os.environ['TAIPAN_B'])
del os.environb[b'TAIPAN_B']
print('TAIPAN_B' in os.environ, isinstance(os.environ, os._Environ), type(os.environ.copy()).__name__)
print(repr(os.environ).startswith('environ({'), 'PATH' in os.environ)
import posix
print(type(posix.environ).__name__, all(isinstance(k, bytes) for k in posix.environ))
