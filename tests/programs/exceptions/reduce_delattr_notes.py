# Exceptions pickle through BaseException.__reduce__ (args, plus the dict when set); member
# attributes read None once deleted; __cause__/__context__/args/__traceback__ may not be deleted;
# add_note refuses a __notes__ that is not a list.
import pickle
e = BaseException(1, 2)
print(e.__reduce__())
print(e.__reduce_ex__(0))
for p in range(6):
    print(p, pickle.loads(pickle.dumps(e, p)).args)
e = ValueError("x"); e.foo = 1
print(e.__reduce_ex__(1))
for exc, name in [(SystemExit(1), 'code'), (StopIteration(), 'value'), (SyntaxError('m'), 'msg'), (ImportError('m'), 'msg'), (OSError(2, 'm'), 'errno'), (OSError(2, 'm'), 'filename2'), (UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'r'), 'reason'), (SyntaxError('m'), '_metadata')]:
    setattr(exc, name, 42)
    try:
        delattr(exc, name)
        print(name, getattr(exc, name))
    except Exception as ex:
        print(name, type(ex).__name__, ex)
try:
    raise IndexError(4)
except Exception as e:
    exc = e
for n in ('args', '__traceback__', '__cause__', '__context__'):
    try:
        delattr(exc, n)
        print("deleted", n)
    except TypeError as ex:
        print(n, ex)
e = Exception(1)
e.__notes__ = 42
try:
    e.add_note("x")
except TypeError as ex:
    print(ex)
e.__notes__ = (1,)
try:
    e.add_note("x")
except TypeError as ex:
    print(ex)
